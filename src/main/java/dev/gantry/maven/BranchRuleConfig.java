package dev.gantry.maven;

import dev.gantry.release.BranchRule;
import dev.gantry.release.GantryException;
import dev.gantry.release.ReleaseKind;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code <branches><branch>} entry of the plugin configuration, as Maven injects it:
 *
 * <pre>{@code
 * <branch>
 *   <pattern>release/*</pattern>          <!-- name or glob, '*' matches anything -->
 *   <release>stable</release>             <!-- stable | snapshot | none -->
 *   <movingTags><tag>rc</tag></movingTags>
 *   <environmentTag>deploy/staging/current</environmentTag>
 *   <images>true</images>
 *   <allowMaintenance>true</allowMaintenance>
 * </branch>
 * }</pre>
 */
public class BranchRuleConfig {

    private String pattern;
    private String release;
    private List<String> movingTags = new ArrayList<>();
    private String environmentTag;
    private Boolean images;
    private boolean allowMaintenance;

    BranchRule toRule() throws GantryException {
        ReleaseKind kind = release == null ? null : ReleaseKind.parse(release);
        return BranchRule.validated(pattern, kind, movingTags == null ? List.of() : movingTags, environmentTag, images,
                allowMaintenance);
    }

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    public void setRelease(String release) {
        this.release = release;
    }

    public void setMovingTags(List<String> movingTags) {
        this.movingTags = movingTags;
    }

    public void setEnvironmentTag(String environmentTag) {
        this.environmentTag = environmentTag;
    }

    public void setImages(Boolean images) {
        this.images = images;
    }

    public void setAllowMaintenance(boolean allowMaintenance) {
        this.allowMaintenance = allowMaintenance;
    }
}
