package dev.cruxlog.analytics.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Places as a tree (region > area > ... > crag): each node sums its children, keeps the
 * hardest send and the last visit below it.
 */
public final class PlaceTree {

    private PlaceTree() {
    }

    /** One place as the logbook counts it. */
    public record Leaf(List<String> path, long ticks, long pitches, long sends, String hardestGrade, Integer hardestIndex,
                       LocalDate lastVisit) {
    }

    public record Node(String name, long ticks, long pitches, long sends, String hardestGrade, Integer hardestIndex,
                       LocalDate lastVisit, List<Node> children) {
    }

    private static final class Builder {
        final String name;
        long ticks;
        long pitches;
        long sends;
        String hardestGrade;
        Integer hardestIndex;
        LocalDate lastVisit;
        final Map<String, Builder> children = new LinkedHashMap<>();

        Builder(String name) {
            this.name = name;
        }

        void add(Leaf leaf) {
            ticks += leaf.ticks();
            pitches += leaf.pitches();
            sends += leaf.sends();
            if (leaf.hardestIndex() != null && (hardestIndex == null || leaf.hardestIndex() > hardestIndex)) {
                hardestIndex = leaf.hardestIndex();
                hardestGrade = leaf.hardestGrade();
            }
            if (leaf.lastVisit() != null && (lastVisit == null || leaf.lastVisit().isAfter(lastVisit))) {
                lastVisit = leaf.lastVisit();
            }
        }

        Node build() {
            List<Node> built = new ArrayList<>(children.values().stream().map(Builder::build).toList());
            built.sort(Comparator.comparingLong(Node::ticks).reversed().thenComparing(Node::name));
            return new Node(name, ticks, pitches, sends, hardestGrade, hardestIndex, lastVisit, List.copyOf(built));
        }
    }

    public static List<Node> build(List<Leaf> leaves) {
        Builder root = new Builder("");
        for (Leaf leaf : leaves) {
            Builder node = root;
            for (String part : leaf.path()) {
                node = node.children.computeIfAbsent(part, Builder::new);
                node.add(leaf);
            }
        }
        return root.build().children();
    }
}
