package org.shangliang.commons.opendata;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The data dictionary of an open dataset: its fields in the order of the CSV columns. */
@Schema(name = "OpenDataDictionary", description = "The fields of a dataset, in the order of its CSV columns")
public record DatasetDictionary(
        @Schema(example = "shangliang.topics") String dataset,
        @Schema(example = "CC BY 4.0") String licence,
        @Schema(example = "https://creativecommons.org/licenses/by/4.0/") String licenceUrl,
        List<DatasetField> fields) {

    public static DatasetDictionary of(String dataset, OpenDataTerms terms, List<DatasetField> fields) {
        return new DatasetDictionary(dataset, terms.licence(), terms.licenceUrl(), fields);
    }
}
