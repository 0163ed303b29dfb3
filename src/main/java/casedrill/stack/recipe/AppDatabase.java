package casedrill.stack.recipe;

import casedrill.stack.Credentials;
import casedrill.topology.Node;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The case service's database and role, created on the bootstrap leader once it is primary. */
final class AppDatabase {
    private AppDatabase() {
    }

    static void create(RecipeContext ctx, Node leader) {
        Credentials c = ctx.credentials();
        String url = "jdbc:postgresql://" + leader.endpoint("postgres") + "/postgres?sslmode=disable&connectTimeout=5";
        try (Connection db = DriverManager.getConnection(url, Credentials.SUPERUSER, c.superuserPassword());
             Statement sql = db.createStatement()) {
            // Generated hex secrets and fixed names: nothing here needs quoting beyond the literal.
            sql.execute("CREATE ROLE " + c.appUser() + " LOGIN PASSWORD '" + c.appPassword() + "'");
            sql.execute("CREATE DATABASE " + c.appDatabase() + " OWNER " + c.appUser());
        } catch (SQLException e) {
            throw ctx.startFailure(leader, "refused to create database " + c.appDatabase() + " at "
                    + leader.endpoint("postgres") + ": " + e.getMessage());
        }
    }
}
