package dev.cruxlog.logbook.adapter.in.web;

import dev.cruxlog.logbook.domain.ImportLimits;
import dev.cruxlog.logbook.domain.ImportRejected;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.multipart.FilePart;
import reactor.core.publisher.Mono;

/** An uploaded file's bytes, refused ({@link ImportRejected#tooLarge}) beyond the import size limit. */
final class UploadedFiles {

    private UploadedFiles() {
    }

    static Mono<byte[]> bytes(FilePart file, ImportLimits limits) {
        return DataBufferUtils.join(file.content(), limits.maxFileBytes())
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .onErrorMap(DataBufferLimitException.class, tooLarge -> ImportRejected.tooLarge(limits));
    }
}
