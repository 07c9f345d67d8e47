package org.shangliang.commons.opendata;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One field of an open dataset: its name (the CSV column and the JSON field), type and meaning. */
@Schema(name = "OpenDataField", description = "One field of a dataset")
public record DatasetField(
        @Schema(example = "number") String name,
        @Schema(example = "string") String type,
        @Schema(example = "议题编号 Topic number") String description) {

    /** The type of an enum's field: its names, e.g. {@code IN_PERSON | ONLINE | HYBRID}; {@code suffix} e.g. ", may be empty". */
    public static String oneOf(Class<? extends Enum<?>> type, String suffix) {
        return java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(java.util.stream.Collectors.joining(" | ")) + suffix;
    }
}
