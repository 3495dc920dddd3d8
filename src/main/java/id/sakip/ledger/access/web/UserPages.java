package id.sakip.ledger.access.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import id.sakip.ledger.access.api.ChangePassword;
import id.sakip.ledger.access.api.ChangeUserRoles;
import id.sakip.ledger.access.api.CreateUser;
import id.sakip.ledger.access.api.DisableUser;
import id.sakip.ledger.access.api.Role;
import id.sakip.ledger.access.api.RoleGrant;
import id.sakip.ledger.access.query.UserList;
import id.sakip.ledger.access.query.UserList.UserSummary;
import id.sakip.ledger.eventstore.metadata.LedgerCommands;
import id.sakip.ledger.organisation.api.KabupatenId;
import id.sakip.ledger.organisation.query.OrganisationDirectory;
import id.sakip.ledger.shared.RuleViolation;
import id.sakip.ledger.shared.web.IndonesianMessages;

/**
 * The administrator's user management: create an account, grant and revoke roles per organisation (or for
 * all), disable an account and reset a password. Every change is an event with the administrator as actor.
 */
@Controller
public class UserPages {

    /** The roles as an office names them. */
    static final Map<Role, String> ROLE_NAMES = new LinkedHashMap<>(Map.of(
            Role.TREASURER, "Bendahara", Role.PLANNER, "Perencana", Role.AUDITOR, "Auditor", Role.ADMIN, "Administrator"));

    private final LedgerCommands commands;
    private final PasswordEncoder encoder;
    private final UserList users;
    private final OrganisationDirectory organisations;

    public UserPages(LedgerCommands commands, PasswordEncoder encoder, UserList users,
                     OrganisationDirectory organisations) {
        this.commands = commands;
        this.encoder = encoder;
        this.users = users;
        this.organisations = organisations;
    }

    /** A choice of where a role applies: an organisation by its name, every OPD of a kabupaten, or every organisation. */
    public record Scope(String value, String label) {
    }

    @GetMapping("/admin/pengguna")
    public String page(Model model) {
        List<Scope> scopes = new ArrayList<>();
        scopes.add(new Scope(RoleGrant.ALL, "Semua organisasi"));
        Map<String, String> kabupaten = new TreeMap<>();
        organisations.all().forEach(o -> {
            scopes.add(new Scope(o.organisationId(), o.name()));
            KabupatenId kab = KabupatenId.of(o.kabupaten());
            if (kab != null) {
                kabupaten.putIfAbsent(kab.value(), o.kabupaten().strip());
            }
        });
        kabupaten.forEach((id, name) -> scopes.add(new Scope(RoleGrant.KABUPATEN_PREFIX + id,
                "Seluruh OPD Kabupaten " + name)));
        Map<String, String> scopeNames = new LinkedHashMap<>();
        scopes.forEach(s -> scopeNames.put(s.value(), s.label()));
        model.addAttribute("users", users.all());
        model.addAttribute("scopes", scopes);
        model.addAttribute("scopeNames", scopeNames);
        model.addAttribute("roleNames", ROLE_NAMES);
        return "users";
    }

    @PostMapping("/admin/pengguna")
    public String create(@RequestParam String username, @RequestParam String password, @RequestParam Role role,
                         @RequestParam String organisation, RedirectAttributes redirect) {
        return attempt(redirect, () -> {
            commands.send(new CreateUser(username.strip(), hash(password),
                    List.of(new RoleGrant(role, organisation))), context());
            return "Pengguna " + username.strip() + " dibuat sebagai " + ROLE_NAMES.get(role) + ".";
        });
    }

    @PostMapping("/admin/pengguna/{username}/peran")
    public String grant(@PathVariable String username, @RequestParam Role role, @RequestParam String organisation,
                        RedirectAttributes redirect) {
        return attempt(redirect, () -> {
            List<RoleGrant> roles = new ArrayList<>(current(username).roles());
            RoleGrant grant = new RoleGrant(role, organisation);
            if (roles.contains(grant)) {
                return "Pengguna " + username + " sudah memegang peran itu; tidak ada yang dicatat.";
            }
            roles.add(grant);
            commands.send(new ChangeUserRoles(username, roles), context());
            return "Peran " + ROLE_NAMES.get(role) + " diberikan kepada " + username + ".";
        });
    }

    @PostMapping("/admin/pengguna/{username}/peran/cabut")
    public String revoke(@PathVariable String username, @RequestParam Role role, @RequestParam String organisation,
                         RedirectAttributes redirect) {
        return attempt(redirect, () -> {
            List<RoleGrant> roles = new ArrayList<>(current(username).roles());
            roles.remove(new RoleGrant(role, organisation));
            if (roles.isEmpty()) {
                return null;
            }
            commands.send(new ChangeUserRoles(username, roles), context());
            return "Peran " + ROLE_NAMES.get(role) + " dicabut dari " + username + ".";
        }, "Ditolak: pengguna perlu sedikitnya satu peran; nonaktifkan akunnya bila ia tidak boleh masuk lagi.");
    }

    @PostMapping("/admin/pengguna/{username}/nonaktif")
    public String disable(@PathVariable String username, @RequestParam String reason, RedirectAttributes redirect) {
        return attempt(redirect, () -> {
            commands.send(new DisableUser(username, reason), context());
            return "Akun " + username + " dinonaktifkan; sesinya berakhir.";
        });
    }

    @PostMapping("/admin/pengguna/{username}/kata-sandi")
    public String resetPassword(@PathVariable String username, @RequestParam String password,
                                RedirectAttributes redirect) {
        return attempt(redirect, () -> {
            commands.send(new ChangePassword(username, hash(password)), context());
            return "Kata sandi " + username + " diganti; sesinya yang terbuka berakhir.";
        });
    }

    private UserSummary current(String username) {
        return users.all().stream().filter(u -> u.username().equals(username)).findFirst()
                .orElseThrow(() -> new Refused("Ditolak: pengguna " + username + " tidak ada."));
    }

    private String hash(String password) {
        if (password == null || password.length() < 12 || password.length() > 72) {
            throw new Refused("Ditolak: kata sandi harus 12 sampai 72 karakter.");
        }
        return encoder.encode(password);
    }

    private static LedgerCommands.Context context() {
        return new LedgerCommands.Context(null, null, null, null);
    }

    /** A refusal this page words itself. */
    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private String attempt(RedirectAttributes redirect, java.util.function.Supplier<String> change) {
        return attempt(redirect, change, null);
    }

    /** Runs a change and puts its outcome on the next page; {@code null} from the change means {@code otherwise}. */
    private String attempt(RedirectAttributes redirect, java.util.function.Supplier<String> change, String otherwise) {
        try {
            String done = change.get();
            redirect.addFlashAttribute(done == null ? "error" : "message", done == null ? otherwise : done);
        } catch (Refused refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        } catch (AggregateStreamCreationException exists) {
            redirect.addFlashAttribute("error", "Ditolak: nama pengguna itu sudah dipakai.");
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("error", IndonesianMessages.of(refused));
        }
        return "redirect:/admin/pengguna";
    }
}
