package dev.gantry.release;

/** The AWS partition of a region, as ARNs name it: {@code aws}, {@code aws-cn} (China) or {@code aws-us-gov} (GovCloud). */
public final class AwsPartition {

    private AwsPartition() {
    }

    public static String of(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }
}
