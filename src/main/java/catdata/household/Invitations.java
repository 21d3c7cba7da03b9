package catdata.household;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Invitations, found by their household (for its owners) or by their code's hash (to accept one). */
@Repository
class Invitations {

    private final JdbcClient jdbc;

    Invitations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Created(long id, OffsetDateTime expiresAt) {
    }

    /** The one invitation a code names, locked until the transaction ends, so that it is used once. */
    record Found(long id, long household, String role, boolean expired, boolean spent) {
    }

    Created create(long household, byte[] codeSha256, String role, String createdBy, Duration lifetime) {
        return jdbc.sql("""
                INSERT INTO invitations (household_id, code_sha256, role, created_by, expires_at)
                VALUES (:household, :hash, :role, :by, now() + make_interval(secs => :seconds))
                RETURNING id, expires_at
                """).param("household", household).param("hash", codeSha256).param("role", role)
                .param("by", createdBy).param("seconds", lifetime.toSeconds())
                .query((row, n) -> new Created(row.getLong(1), row.getObject(2, OffsetDateTime.class))).single();
    }

    /** Neither used, nor revoked, nor expired; newest first. */
    List<Invitation> pending(long household) {
        return jdbc.sql("""
                SELECT id, role, expires_at, created_by, created_at FROM invitations
                WHERE household_id = :household AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
                ORDER BY id DESC
                """).param("household", household)
                .query((row, n) -> new Invitation(row.getLong(1), row.getString(2),
                        row.getObject(3, OffsetDateTime.class).toInstant(), row.getString(4),
                        row.getObject(5, OffsetDateTime.class).toInstant())).list();
    }

    /** Returns whether a pending invitation of the household was revoked. */
    boolean revoke(long household, long id) {
        return jdbc.sql("""
                UPDATE invitations SET revoked_at = now()
                WHERE household_id = :household AND id = :id AND used_at IS NULL AND revoked_at IS NULL
                """).param("household", household).param("id", id).update() == 1;
    }

    Optional<Found> lockByCode(byte[] codeSha256) {
        return jdbc.sql("""
                SELECT id, household_id, role, expires_at <= now() AS expired,
                       used_at IS NOT NULL OR revoked_at IS NOT NULL AS spent
                FROM invitations WHERE code_sha256 = :hash
                FOR UPDATE
                """).param("hash", codeSha256)
                .query((row, n) -> new Found(row.getLong(1), row.getLong(2), row.getString(3), row.getBoolean(4),
                        row.getBoolean(5))).optional();
    }

    boolean isMember(long household, String sub) {
        return jdbc.sql("SELECT count(*) FROM memberships WHERE household_id = :household AND sub = :sub")
                .param("household", household).param("sub", sub).query(Long.class).single() > 0;
    }

    void use(Found invitation, String sub) {
        jdbc.sql("INSERT INTO memberships (sub, household_id, role) VALUES (:sub, :household, :role)")
                .param("sub", sub).param("household", invitation.household()).param("role", invitation.role())
                .update();
        jdbc.sql("UPDATE invitations SET used_by = :sub, used_at = now() WHERE id = :id")
                .param("sub", sub).param("id", invitation.id()).update();
    }
}
