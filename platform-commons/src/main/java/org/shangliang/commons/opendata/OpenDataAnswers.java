package org.shangliang.commons.opendata;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** How an open dataset is answered: JSON or CSV, cacheable by anyone for an hour (it changes slowly and is the same for everyone). */
public final class OpenDataAnswers {

    public static final String CACHE = "public, max-age=3600";
    /** The {@code format} parameter's rule. */
    public static final String FORMAT_REGEX = "json|csv";
    public static final String FORMAT_MESSAGE = "format: json or csv";

    private OpenDataAnswers() {
    }

    public static Response json(Object data) {
        return Response.ok(data, MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.CACHE_CONTROL, CACHE).build();
    }

    /** @param fileName offered to the browser, e.g. {@code topics-2026-330421003.csv} */
    public static Response csv(String body, String fileName) {
        return Response.ok(body, Csv.MEDIA_TYPE + "; charset=UTF-8").header(HttpHeaders.CACHE_CONTROL, CACHE)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    /** The file name of a dataset's year and territory: {@code <name>-<year>[-<territory>].csv}. */
    public static String fileName(String name, int year, String territory) {
        return name + "-" + year + (territory == null ? "" : "-" + territory) + ".csv";
    }
}
