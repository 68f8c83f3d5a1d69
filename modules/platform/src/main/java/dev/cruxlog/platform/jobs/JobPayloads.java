package dev.cruxlog.platform.jobs;

import tools.jackson.databind.json.JsonMapper;

/** Reads and writes job payloads with the application's JSON mapper. */
public final class JobPayloads {

    private final JsonMapper mapper;

    public JobPayloads(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public String write(Object payload) {
        return mapper.writeValueAsString(payload);
    }

    public <T extends Record> T read(Job job, Class<T> type) {
        return mapper.readValue(job.payloadJson(), type);
    }
}
