package io.boardclerk.storage;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link TenantPacing} in the {@code tenant_pacing} table (V12). The bucket is refilled by the database's clock, which
 * every instance shares; each take is one statement that locks the tenant's row, so instances take turns.
 */
final class PostgresTenantPacing implements TenantPacing {

    private static final String NOW_MICROS = "(EXTRACT(EPOCH FROM clock_timestamp()) * 1000000)::bigint";
    /** The tokens the bucket holds now: what it held, plus what it refilled since, up to the burst. */
    private static final String HELD = "LEAST(?, tokens + (n.us - refilled_micros) * ? / 1000000.0)";

    private final DataSource pool;

    PostgresTenantPacing(DataSource pool) {
        this.pool = pool;
    }

    @Override
    public long take(String tenantId, double perSecond, double burst) {
        try (Connection connection = pool.getConnection()) {
            try (PreparedStatement create = connection.prepareStatement("INSERT INTO tenant_pacing (tenant_id,"
                    + " tokens, refilled_micros) VALUES (?, ?, " + NOW_MICROS + ")"
                    + " ON CONFLICT (tenant_id) DO NOTHING")) {
                create.setString(1, tenantId);
                create.setDouble(2, burst);
                create.executeUpdate();
            }
            try (PreparedStatement take = connection.prepareStatement("WITH n AS (SELECT " + NOW_MICROS + " AS us)"
                    + " UPDATE tenant_pacing SET tokens = " + HELD + " - 1, refilled_micros = n.us FROM n"
                    + " WHERE tenant_id = ? AND " + HELD + " >= 1 RETURNING tokens")) {
                take.setDouble(1, burst);
                take.setDouble(2, perSecond);
                take.setString(3, tenantId);
                take.setDouble(4, burst);
                take.setDouble(5, perSecond);
                try (ResultSet rows = take.executeQuery()) {
                    if (rows.next()) {
                        return 0;
                    }
                }
            }
            try (PreparedStatement held = connection.prepareStatement("WITH n AS (SELECT " + NOW_MICROS + " AS us)"
                    + " SELECT " + HELD + " FROM tenant_pacing, n WHERE tenant_id = ?")) {
                held.setDouble(1, burst);
                held.setDouble(2, perSecond);
                held.setString(3, tenantId);
                try (ResultSet rows = held.executeQuery()) {
                    double tokens = rows.next() ? rows.getDouble(1) : 0;
                    return Math.max(1, (long) Math.ceil((1.0 - tokens) * 1e9 / perSecond));
                }
            }
        } catch (SQLException e) {
            throw new StorageException("Could not take a request's turn for a tenant", e);
        }
    }

    @Override
    public void pause(String tenantId, Instant until) {
        try (Connection connection = pool.getConnection();
             PreparedStatement pause = connection.prepareStatement("INSERT INTO tenant_pacing (tenant_id, tokens,"
                     + " refilled_micros, paused_until) VALUES (?, 0, " + NOW_MICROS + ", ?) ON CONFLICT (tenant_id)"
                     + " DO UPDATE SET paused_until = GREATEST(tenant_pacing.paused_until, excluded.paused_until)")) {
            pause.setString(1, tenantId);
            pause.setTimestamp(2, Timestamp.from(until));
            pause.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("Could not pause sending to a tenant", e);
        }
    }

    @Override
    public Optional<Instant> pausedUntil(String tenantId, Instant now) {
        try (Connection connection = pool.getConnection();
             PreparedStatement read = connection.prepareStatement("SELECT paused_until FROM tenant_pacing"
                     + " WHERE tenant_id = ? AND paused_until > ?")) {
            read.setString(1, tenantId);
            read.setTimestamp(2, Timestamp.from(now));
            try (ResultSet rows = read.executeQuery()) {
                return rows.next() ? Optional.of(rows.getTimestamp(1).toInstant()) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StorageException("Could not read whether sending to a tenant is paused", e);
        }
    }
}
