package dev.cruxlog.logbook.application;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * A page of ticks already written as JSON: the items array in {@link dev.cruxlog.logbook.TickView}'s
 * JSON shape (field for field what Jackson writes for it, notes without markup), built by the
 * database so the API can write it through without decoding a row or encoding an object.
 *
 * <p>{@code items} is the database driver's own buffer, handed over without a copy: whoever
 * receives a page either writes it to a response (which releases it once sent) or calls
 * {@link #release()}.
 *
 * @param items UTF-8 JSON array of the page's ticks
 * @param next  where the next page starts, or null on the last page
 */
public record TickPageJson(DataBuffer items, TickCursor next) {

    /** Gives the page's buffer back to the driver's pool, when it will not be written. */
    public void release() {
        DataBufferUtils.release(items);
    }
}
