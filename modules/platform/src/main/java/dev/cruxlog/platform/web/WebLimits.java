package dev.cruxlog.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What one request may make the server hold, whoever sends it.
 *
 * @param maxRequestSize the largest request body accepted, all parts of a multipart upload
 *                       together ({@code MAX_REQUEST_SIZE}): the largest logbook export
 *                       (20 MB) and its form fields. Larger bodies get 413 before they are read.
 */
@ConfigurationProperties("cruxlog.web")
public record WebLimits(@DefaultValue("21MB") DataSize maxRequestSize) {
}
