package org.shangliang.commons.opendata;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The terms every open dataset (开放数据) is published under ({@code shangliang.open-data.*}): the same in all three services. */
@ConfigMapping(prefix = "shangliang.open-data")
public interface OpenDataTerms {

    @WithDefault("CC BY 4.0")
    String licence();

    @WithDefault("https://creativecommons.org/licenses/by/4.0/")
    String licenceUrl();

    @WithDefault("县政协办公室")
    String publisher();
}
