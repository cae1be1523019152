package dev.gantry.image;

import dev.gantry.release.GantryLog;
import java.util.List;

/** Tag moves that move nothing and say when they are closed: for the code that hands them from goal to goal. */
public final class TagMovesForTests {

    private TagMovesForTests() {
    }

    /** Moves of no tag; {@code closed} gets a line when the moves close. */
    public static TagMoves ofNoTag(List<String> closed) {
        return new TagMoves(new MovingTags(null, null, GantryLog.SILENT), List.of(), "registry.example.com/orders",
                "sha256:0000", () -> null, null, List.of(), GantryLog.SILENT).closing(() -> closed.add("closed"));
    }
}
