package com.renovation.media.localstack;

import com.renovation.media.storage.layout.Buckets;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/** S3Proxy with its filesystem backend, run as its own JVM; creates the private buckets and the public one. */
public final class S3Engine extends ProcessEngine {

    private final PlatformSettings settings;

    public S3Engine(PlatformSettings settings) {
        // a stop after a first run also writes the server's AOT cache
        super(Duration.ofSeconds(30));
        this.settings = settings;
    }

    @Override
    public String name() {
        return "s3";
    }

    @Override
    public void start() throws Exception {
        Ports.requireFree("S3", settings.s3Port());
        Path dir = settings.home().resolve("s3");
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Path conf = dir.resolve("s3proxy.conf");
        Files.writeString(conf, String.join("\n",
                "s3proxy.endpoint=" + settings.s3Endpoint(),
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + PlatformSettings.S3_ACCESS_KEY,
                "s3proxy.credential=" + PlatformSettings.S3_SECRET_KEY,
                // browsers PUT uploads and load images from the console's origin only
                "s3proxy.cors-allow-origins=" + String.join(" ", settings.consoleOrigins()),
                "s3proxy.cors-allow-methods=GET HEAD PUT",
                "s3proxy.cors-allow-headers=*",
                "s3proxy.cors-exposed-headers=ETag",
                "jclouds.provider=filesystem",
                "jclouds.identity=unused",
                "jclouds.credential=unused",
                "jclouds.filesystem.basedir=" + data,
                ""));
        // Without a configuration, logback logs everything at DEBUG: gigabytes per benchmark, and a third of the
        // server's CPU spent formatting lines nobody reads.
        Path logback = dir.resolve("logback.xml");
        Files.writeString(logback, LOGBACK);
        String classpath = EngineClasspath.read(settings.root(), "s3-engine");
        List<String> command = new ArrayList<>(List.of(ManagedProcess.javaExecutable(), "-Xms64m", "-Xmx256m"));
        command.addAll(AotCache.engineOptions(settings.home().resolve("aot"), name(), classpath));
        command.addAll(List.of("-Dlogback.configurationFile=" + logback, "-cp", classpath, "org.gaul.s3proxy.Main",
                "--properties", conf.toString()));
        ManagedProcess started = ManagedProcess.start(name(), command, Map.of(), dir, settings);
        process = started;
        Ports.await("S3", Duration.ofSeconds(60), () -> {
            if (!started.isAlive()) {
                throw new IllegalStateException("S3 server exited; see " + settings.logDir().resolve("s3.log"));
            }
            return healthy();
        });
        try (S3Client s3 = client()) {
            ensureBucket(s3, Buckets.USER_UPLOADS, BucketCannedACL.PRIVATE);
            ensureBucket(s3, Buckets.STYLES, BucketCannedACL.PUBLIC_READ);
            ensureBucket(s3, Buckets.STYLES_STAGING, BucketCannedACL.PRIVATE);
        }
    }

    private static void ensureBucket(S3Client s3, String bucket, BucketCannedACL acl) {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException e) {
            s3.createBucket(b -> b.bucket(bucket).acl(acl));
        }
    }

    S3Client client() {
        return S3Client.builder()
                .endpointOverride(URI.create(settings.s3Endpoint()))
                .region(Region.of(PlatformSettings.S3_REGION))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(PlatformSettings.S3_ACCESS_KEY, PlatformSettings.S3_SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }



    @Override
    public boolean healthy() {
        if (!Ports.isOpen(settings.s3Port())) {
            return false;
        }
        try (S3Client s3 = client()) {
            s3.listBuckets();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public String address() {
        return settings.s3Endpoint() + " (path-style; access key " + PlatformSettings.S3_ACCESS_KEY
                + ", secret " + PlatformSettings.S3_SECRET_KEY + "; buckets " + Buckets.USER_UPLOADS + " (private), "
                + Buckets.STYLES + " (public-read), " + Buckets.STYLES_STAGING + " (private))";
    }

    /** Warnings and S3Proxy's own start-up lines only. */
    static final String LOGBACK = String.join("\n",
            "<configuration>",
            "  <appender name=\"STDOUT\" class=\"ch.qos.logback.core.ConsoleAppender\">",
            "    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n</pattern></encoder>",
            "  </appender>",
            "  <logger name=\"org.gaul.s3proxy\" level=\"INFO\"/>",
            "  <root level=\"WARN\"><appender-ref ref=\"STDOUT\"/></root>",
            "</configuration>",
            "");
}
