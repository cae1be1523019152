package dev.gantry.it;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts an image's entrypoint command on this machine (its paths rewritten by the verify script to where the image was
 * unpacked) and asks the service it starts one HTTP question: what an IT asserts to show that the image can start.
 */
public final class ItImageCommand {

    private static final Duration STARTING = Duration.ofSeconds(120);

    private ItImageCommand() {
    }

    /**
     * The body of the first answer to a {@code GET} of {@code uri}, asked every half second while the command runs, for
     * at most two minutes; the command is stopped then. Fails with the command's output when no answer came, or one
     * with another status than 200.
     *
     * @param output where the command's output goes
     */
    public static String answer(List<String> command, File directory, File output, URI uri) throws Exception {
        Process process = new ProcessBuilder(command).directory(directory).redirectErrorStream(true)
                .redirectOutput(output).start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build();
            long deadline = System.nanoTime() + STARTING.toNanos();
            while (process.isAlive() && System.nanoTime() < deadline) {
                try {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        throw new AssertionError(uri + " answered " + response.statusCode() + ": " + response.body());
                    }
                    return response.body();
                } catch (IOException notYet) {
                    Thread.sleep(500);
                }
            }
            throw new AssertionError("no answer from the image's service at " + uri + "; its output:\n"
                    + Files.readString(output.toPath()));
        } finally {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
