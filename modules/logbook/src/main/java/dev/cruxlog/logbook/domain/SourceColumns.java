package dev.cruxlog.logbook.domain;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
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
 * while it is translated: the collector's pauses, which copy them from young to old generation,
 * were 44 % of a warm import's time before its COPY began (docs/benchmarks.md, seventeenth session).
 * The CSV and spreadsheet readers build their rows here; a JSON export's records keep a map each,
 * since every record names its own fields.
 */
public final class SourceColumns {

    private final List<String> names;
    /** By name, the column a row's value is read from: a name given twice reads as its last column. */
    private final Map<String, Integer> valueColumns;
    /** Whether a column is the first of its name: a row lists each name once, where it first appears. */
    private final boolean[] listed;

    private SourceColumns(List<String> names) {
        this.names = List.copyOf(names);
        Map<String, Integer> byName = new HashMap<>();
        this.listed = new boolean[this.names.size()];
        for (int i = 0; i < this.names.size(); i++) {
            // As a map filled in column order: the last value, at the name's first place.
            listed[i] = byName.put(this.names.get(i), i) == null;
        }
        // Not Map.copyOf: a row is asked for any key, and null is not a column.
        this.valueColumns = Collections.unmodifiableMap(byName);
    }

    public static SourceColumns of(List<String> names) {
        return new SourceColumns(names);
    }

    /**
     * A row of this table. {@code values} is the row's own array, taken as it is (not copied): the
     * caller hands it over and does not change it afterwards.
     */
    public SourceRow row(int line, String[] values) {
        if (values.length != names.size()) {
            throw new IllegalArgumentException("A row of " + names.size() + " columns has " + values.length + " values");
        }
        return new SourceRow(line, new RowFields(values));
    }

    /** One row's values as a read-only map by column name, in the order the header first names them. */
    private final class RowFields extends AbstractMap<String, String> {

        private final String[] values;

        private RowFields(String[] values) {
            this.values = values;
        }

        @Override
        public String get(Object column) {
            Integer index = valueColumns.get(column);
            return index == null ? null : values[index];
        }

        @Override
        public boolean containsKey(Object column) {
            return valueColumns.containsKey(column);
        }

        @Override
        public int size() {
            return valueColumns.size();
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, String>> iterator() {
                    return new Iterator<>() {
                        private int next = nextListed(0);

                        @Override
                        public boolean hasNext() {
                            return next < names.size();
                        }

                        @Override
                        public Entry<String, String> next() {
                            if (!hasNext()) {
                                throw new NoSuchElementException();
                            }
                            String name = names.get(next);
                            next = nextListed(next + 1);
                            return new SimpleImmutableEntry<>(name, values[valueColumns.get(name)]);
                        }
                    };
                }

                @Override
                public int size() {
                    return valueColumns.size();
                }
            };
        }

        private int nextListed(int from) {
            int column = from;
            while (column < names.size() && !listed[column]) {
                column++;
            }
            return column;
        }
    }
}
