package id.sakip.ledger.access.query;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import id.sakip.ledger.access.api.RoleGrant;
import id.sakip.ledger.access.api.UserCreated;
import id.sakip.ledger.access.api.UserDisabled;
import id.sakip.ledger.access.api.UserRolesChanged;

/** The list of user accounts for administrators ({@code user_accounts}); never holds password hashes. */
@Component
@ProcessingGroup(UserList.PROCESSOR)
public class UserList {

    public static final String PROCESSOR = "user-accounts";

    /** A user as listed. */
    public record UserSummary(String username, List<RoleGrant> roles, boolean enabled, String createdAt) {
    }

    private final MongoCollection<Document> users;

    public UserList(MongoDatabase ledgerDatabase) {
        this.users = ledgerDatabase.getCollection("user_accounts");
    }

    private static List<Document> grants(List<RoleGrant> roles) {
        return roles.stream().map(r -> new Document("role", r.role().name()).append("organisation", r.organisation()))
                .toList();
    }

    @EventHandler
    void on(UserCreated e, EventMessage<?> m) {
        users.replaceOne(Filters.eq("_id", e.username()), new Document("_id", e.username())
                        .append("roles", grants(e.roles())).append("enabled", true)
                        .append("createdAt", m.getTimestamp().toString()),
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }

    @EventHandler
    void on(UserRolesChanged e) {
        users.updateOne(Filters.eq("_id", e.username()), Updates.set("roles", grants(e.roles())));
    }

    @EventHandler
    void on(UserDisabled e) {
        users.updateOne(Filters.eq("_id", e.username()), Updates.set("enabled", false));
    }

    @ResetHandler
    void reset() {
        users.deleteMany(new Document());
    }

    public List<UserSummary> all() {
        List<UserSummary> result = new ArrayList<>();
        for (Document d : users.find().sort(Sorts.ascending("_id"))) {
            List<RoleGrant> roles = d.getList("roles", Document.class).stream()
                    .map(r -> new RoleGrant(id.sakip.ledger.access.api.Role.valueOf(r.getString("role")),
                            r.getString("organisation"))).toList();
            result.add(new UserSummary(d.getString("_id"), roles, d.getBoolean("enabled", true),
                    d.getString("createdAt")));
        }
        return result;
    }
}
