package id.sakip.ledger.access.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.responses.ApiResponse;

import id.sakip.ledger.access.api.ChangePassword;
import id.sakip.ledger.access.api.ChangeUserRoles;
import id.sakip.ledger.access.api.CreateUser;
import id.sakip.ledger.access.api.DisableUser;
import id.sakip.ledger.access.api.RoleGrant;
import id.sakip.ledger.access.query.UserList;
import id.sakip.ledger.access.query.UserList.UserSummary;
import id.sakip.ledger.eventstore.metadata.LedgerCommands;
import id.sakip.ledger.shared.InvalidValue;

/** User administration (ADMIN only): create, list, change roles, change password, disable; each an event. */
@RestController
@RequestMapping(path = "/api/v1/users", produces = MediaType.APPLICATION_JSON_VALUE)
public class UserController {

    private final LedgerCommands commands;
    private final PasswordEncoder encoder;
    private final UserList users;

    public UserController(LedgerCommands commands, PasswordEncoder encoder, UserList users) {
        this.commands = commands;
        this.encoder = encoder;
        this.users = users;
    }

    /** Body of a new user. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "NewUserRequest", example = "{\"username\": \"bendahara-jiken\", \"password\": \"kata-sandi-panjang-1\", \"roles\": [{\"role\": \"TREASURER\", \"organisation\": \"kec-jiken\"}]}")
    public record NewUser(String username, String password, List<RoleGrant> roles) {
    }

    /** Body of a role change. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "UserRolesRequest", example = "{\"roles\": [{\"role\": \"PLANNER\", \"organisation\": \"kec-jiken\"}, {\"role\": \"AUDITOR\", \"organisation\": \"kec-jiken\"}]}")
    public record Roles(List<RoleGrant> roles) {
    }

    /** Body of a password change. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "PasswordChangeRequest", example = "{\"password\": \"kata-sandi-baru-12\"}")
    public record Password(String password) {
    }

    /** Body of a disabling. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "UserDisablingRequest", example = "{\"reason\": \"Pindah tugas ke Kecamatan Cepu\"}")
    public record Disabling(String reason) {
    }

    private static LedgerCommands.Context context() {
        return new LedgerCommands.Context(null, null, null, null);
    }

    private String hash(String password) {
        if (password == null || password.length() < 12 || password.length() > 72) {
            throw new InvalidValue("WEAK_PASSWORD", "A password has 12 to 72 characters");
        }
        return encoder.encode(password);
    }

    @ApiResponse(responseCode = "201", description = "Pengguna dibuat", useReturnTypeSchema = true)
    @PostMapping
    public ResponseEntity<Map<String, Object>> create(@RequestBody NewUser body) {
        commands.send(new CreateUser(body.username(), hash(body.password()), body.roles()), context());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("username", body.username()));
    }

    @GetMapping
    public List<UserSummary> list() {
        return users.all();
    }

    @PutMapping("/{username}/roles")
    public Map<String, Object> roles(@PathVariable String username, @RequestBody Roles body) {
        commands.send(new ChangeUserRoles(username, body.roles()), context());
        return Map.of("username", username, "roles", body.roles());
    }

    @PutMapping("/{username}/password")
    public Map<String, Object> password(@PathVariable String username, @RequestBody Password body) {
        commands.send(new ChangePassword(username, hash(body.password())), context());
        return Map.of("username", username, "status", "PASSWORD_CHANGED");
    }

    @PostMapping("/{username}/disabling")
    public Map<String, Object> disable(@PathVariable String username, @RequestBody Disabling body) {
        commands.send(new DisableUser(username, body.reason()), context());
        return Map.of("username", username, "status", "DISABLED");
    }
}
