package dev.gantry.aws;

import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Loads an AWS SDK client's classes on a thread of its own, so that a fresh JVM does not wait a second or more for them
 * when the first real call is made: builds the client with no credentials, readies one call and stops it just before it
 * would leave the JVM. Nothing is sent to AWS and no credential is looked up; a failure here is left for the real client
 * to meet and report.
 */
final class SdkPreload {

    private SdkPreload() {
    }

    static <B extends AwsClientBuilder<B, C>, C extends SdkClient> void inBackground(String threadName, B builder,
            Consumer<C> readiedCall) {
        Thread thread = new Thread(() -> {
            try (C client = builder.credentialsProvider(AnonymousCredentialsProvider.create())
                    .overrideConfiguration(o -> o.addExecutionInterceptor(new StopBeforeSending()))
                    .build()) {
                readiedCall.accept(client);
            } catch (RuntimeException | LinkageError expected) {
                // StopBeforeSending's end, or a problem the real client meets again, and words
            }
        }, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Ends a call just before it would leave the JVM. */
    private static final class StopBeforeSending implements ExecutionInterceptor {
        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            throw new IllegalStateException("loading the SDK only: not sent");
        }
    }
}
