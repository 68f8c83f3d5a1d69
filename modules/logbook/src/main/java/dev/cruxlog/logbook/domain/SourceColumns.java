package dev.cruxlog.logbook.domain;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The header of a table export, shared by all its rows: each row is then its values alone, read
 * by column name through this one index. A map per row (a {@code LinkedHashMap} of 17 entries)
 * held about a kilobyte more per row than its values, and a 50,000-row file's rows are all held
 * while it is translated: copying them from young to old generation was 40 % of a warm import's
 * time before its COPY began (docs/benchmarks.md, seventeenth session).
 */
public final class SourceColumns {

    private final List<String> names;
    private final Map<String, Integer> indexes;

    private SourceColumns(List<String> names) {
        this.names = List.copyOf(names);
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < this.names.size(); i++) {
            // A name given twice reads as its last column, as a map filled in column order did.
            byName.put(this.names.get(i), i);
        }
        this.indexes = Map.copyOf(byName);
    }

    public static SourceColumns of(List<String> names) {
        return new SourceColumns(names);
    }

    public int size() {
        return names.size();
    }

    /**
     * A row of this table. {@code values} is the row's own array, taken as it is (not copied): the
     * caller hands it over and does not change it afterwards.
     */
    public SourceRow row(int line, String[] values) {
        if (values.length != names.size()) {
            throw new IllegalArgumentException("A row of " + names.size() + " columns has " + values.length + " values");
        }
        return new SourceRow(line, new Values(values));
    }

    /** One row's values as a read-only map by column name, in column order. */
    private final class Values extends AbstractMap<String, String> {

        private final String[] values;

        private Values(String[] values) {
            this.values = values;
        }

        @Override
        public String get(Object column) {
            Integer index = indexes.get(column);
            return index == null ? null : values[index];
        }

        @Override
        public boolean containsKey(Object column) {
            return indexes.containsKey(column);
        }

        @Override
        public int size() {
            return indexes.size();
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, String>> iterator() {
                    return new Iterator<>() {
                        private int next = nextOwnColumn(0);

                        @Override
                        public boolean hasNext() {
                            return next < names.size();
                        }

                        @Override
                        public Entry<String, String> next() {
                            if (!hasNext()) {
                                throw new NoSuchElementException();
                            }
                            int column = next;
                            next = nextOwnColumn(column + 1);
                            return new SimpleImmutableEntry<>(names.get(column), values[column]);
                        }
                    };
                }

                @Override
                public int size() {
                    return indexes.size();
                }
            };
        }

        /** The next column from {@code from} that is its name's own (a repeated name's last one). */
        private int nextOwnColumn(int from) {
            int column = from;
            while (column < names.size() && indexes.get(names.get(column)) != column) {
                column++;
            }
            return column;
        }
    }
}
