package dev.cruxlog.logbook.adapter.out.file;

import dev.cruxlog.logbook.application.JsonSourceFiles;
import tools.jackson.databind.json.JsonMapper;

/** The JSON export reader as the app builds it, for tests outside its package. */
public final class JsonReaders {

    private JsonReaders() {
    }

    public static JsonSourceFiles jackson() {
        return new JacksonJsonSourceFiles(JsonMapper.builder().build());
    }
}
