package com.phuketapp.platform.jobs;

import com.github.kagkarlsson.scheduler.serializer.Serializer;
import tools.jackson.databind.json.JsonMapper;

/** Job payloads are stored as JSON: readable in the database and in dead letters, and tolerant of new fields. */
final class JsonPayloads implements Serializer {

    private final JsonMapper json;

    JsonPayloads(JsonMapper json) {
        this.json = json;
    }

    @Override
    public byte[] serialize(Object data) {
        return json.writeValueAsBytes(data);
    }

    @Override
    public <T> T deserialize(Class<T> type, byte[] serialized) {
        return json.readValue(serialized, type);
    }
}
