package dev.cruxlog.logbook.adapter.in.web;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.multipart.FilePart;
import reactor.core.publisher.Mono;

/** An uploaded file's bytes, refused (DataBufferLimitException) beyond {@code maxBytes}. */
final class UploadedFiles {

    private UploadedFiles() {
    }

    static Mono<byte[]> bytes(FilePart file, int maxBytes) {
        return DataBufferUtils.join(file.content(), maxBytes)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0]);
    }
}
