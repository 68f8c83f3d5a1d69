package dev.cruxlog.logbook.adapter.in.web;

/** The logbook page's filter form, as typed (strings), and its query string for "older ticks". */
public record TickFilters(String discipline, String from, String to, String minGrade, String maxGrade, String send, String q) {

    public boolean any() {
        return notBlank(discipline) || notBlank(from) || notBlank(to) || notBlank(minGrade) || notBlank(maxGrade)
                || notBlank(send) || notBlank(q);
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
        return query.toString();
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
