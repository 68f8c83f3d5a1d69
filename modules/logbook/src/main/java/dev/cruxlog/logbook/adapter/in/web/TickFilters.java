package dev.cruxlog.logbook.adapter.in.web;

/** The logbook page's filter form, as typed (strings), and its query string for "older ticks". */
public record TickFilters(String discipline, String from, String to, String minGrade, String maxGrade, String send, String q,
                          String tag, String sort, String toConfirm, String datedInFuture) {

    public boolean any() {
        return notBlank(discipline) || notBlank(from) || notBlank(to) || notBlank(minGrade) || notBlank(maxGrade)
                || notBlank(send) || notBlank(q) || notBlank(tag) || "true".equals(toConfirm)
                || "true".equals(datedInFuture);
    }

    public String query() {
        StringBuilder query = new StringBuilder();
        append(query, "discipline", discipline);
        append(query, "from", from);
        append(query, "to", to);
        append(query, "minGrade", minGrade);
        append(query, "maxGrade", maxGrade);
        append(query, "send", send);
        append(query, "q", q);
        append(query, "tag", tag);
        append(query, "sort", sort);
        append(query, "toConfirm", "true".equals(toConfirm) ? "true" : null);
        append(query, "datedInFuture", "true".equals(datedInFuture) ? "true" : null);
        return query.toString();
    }

    /** The link that sorts by {@code column}: a second click on the active column flips the order. */
    public String sortLink(String column) {
        String active = sort == null || sort.isBlank() ? "date" : sort;
        String next = active.equals(column) ? column + ",asc" : column;
        TickFilters sorted = new TickFilters(discipline, from, to, minGrade, maxGrade, send, q, tag, next, toConfirm,
                datedInFuture);
        String query = sorted.query();
        return "/logbook" + (query.isEmpty() ? "" : "?" + query.substring(1));
    }

    public String sortState(String column) {
        String active = sort == null || sort.isBlank() ? "date" : sort;
        if (active.equals(column)) {
            return "descending";
        }
        return active.equals(column + ",asc") ? "ascending" : "none";
    }

    private static void append(StringBuilder query, String name, String value) {
        if (notBlank(value)) {
            query.append('&').append(name).append('=')
                    .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
