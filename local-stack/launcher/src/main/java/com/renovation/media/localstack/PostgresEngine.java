package com.renovation.media.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/** PostgreSQL 17 from Maven Central binaries (zonky), data kept under the platform home across restarts. */
public final class PostgresEngine implements Engine {

    private final PlatformSettings settings;
    private EmbeddedPostgres postgres;

    public PostgresEngine(PlatformSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "postgres";
    }

    Path dataDir() {
        return settings.home().resolve("postgres/data");
    }

    @Override
    public void start() throws Exception {
        HostPlatform.current().requirePostgresBinaries(PostgresEngine.class.getClassLoader());
        Ports.requireFree("PostgreSQL", settings.pgPort());
        Files.createDirectories(dataDir());
        Path binaries = settings.home().resolve("postgres/binaries");
        Files.createDirectories(binaries);
        Files.createDirectories(settings.logDir());
        // the server's own output, so a start that fails or stalls says why (it is otherwise discarded)
        ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(settings.logDir().resolve("postgres.log").toFile());
        postgres = EmbeddedPostgres.builder()
                .setOutputRedirector(log)
                .setErrorRedirector(log)
                .setPort(settings.pgPort())
                .setDataDirectory(dataDir())
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binaries.toFile())
                .setServerConfig("listen_addresses", "127.0.0.1")
                // TCP only: a socket's lock file in /tmp, left by a server that was killed, names a PID that may
                // belong to another process by now, and the next server on this port then refuses to start
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("max_connections", "200")
                // a first start runs initdb too, which a busy 2-core machine has been seen to take most of a minute for
                .setPGStartupWait(Duration.ofSeconds(180))
                // the launcher stops it last, after the services: a hook of its own would stop it at once,
                // while services still drain events that then fail and go to their dead-letter topics
                .setRegisterShutdownHook(false)
                .start();
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("ALTER USER " + PlatformSettings.DB_USER + " PASSWORD '" + PlatformSettings.DB_PASSWORD + "'");
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '"
                    + PlatformSettings.DATABASE + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + PlatformSettings.DATABASE);
                }
            }
        }
    }

    private Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", PlatformSettings.DB_USER);
        props.setProperty("password", PlatformSettings.DB_PASSWORD);
        props.setProperty("connectTimeout", "2");
        return DriverManager.getConnection(settings.jdbcUrl(database), props);
    }

    @Override
    public void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (Exception e) {
                System.err.println("postgres did not stop cleanly: " + e.getMessage());
            }
            postgres = null;
        }
    }

    @Override
    public boolean healthy() {
        try (Connection c = connect(PlatformSettings.DATABASE); Statement s = c.createStatement()) {
            return s.execute("SELECT 1");
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public String address() {
        return "postgresql://127.0.0.1:" + settings.pgPort() + "/" + PlatformSettings.DATABASE
                + " (user " + PlatformSettings.DB_USER + ", password " + PlatformSettings.DB_PASSWORD + ")";
    }

    /** The postmaster's pid file: postgres daemonises, so down finds it here rather than as a child. */
    Path postmasterPidFile() {
        return dataDir().resolve("postmaster.pid");
    }
}
