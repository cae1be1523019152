import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What changes in the world between the failed run and its re-run, run by the remote's pre-receive hook when the first
 * run pushes its git tag: the digest released under orders:1.1.0 is noted in first.digest, and the base image's
 * publisher moves base/java:1 to another image (pushed beforehand as base/java:next), as eclipse-temurin:17-jre moves.
 * Arguments: the registry's base URL, the IT's directory.
 */
public class BetweenRuns {

    static final String TYPES = "application/vnd.oci.image.manifest.v1+json,application/vnd.docker.distribution.manifest.v2+json";

    public static void main(String[] args) throws Exception {
        String registry = args[0];
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> released = http.send(HttpRequest.newBuilder(URI.create(registry + "/v2/orders/manifests/1.1.0"))
                .header("Accept", TYPES).build(), HttpResponse.BodyHandlers.ofString());
        Files.writeString(Path.of(args[1], "first.digest"), released.headers().firstValue("Docker-Content-Digest").orElseThrow());
        HttpResponse<String> next = http.send(HttpRequest.newBuilder(URI.create(registry + "/v2/base/java/manifests/next"))
                .header("Accept", TYPES).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> moved = http.send(HttpRequest.newBuilder(URI.create(registry + "/v2/base/java/manifests/1"))
                .header("Content-Type", next.headers().firstValue("Content-Type").orElseThrow())
                .PUT(HttpRequest.BodyPublishers.ofString(next.body())).build(), HttpResponse.BodyHandlers.ofString());
        if (moved.statusCode() != 201) {
            throw new IllegalStateException("moving base/java:1 answered " + moved.statusCode() + " " + moved.body());
        }
    }
}
