package org.onemind.platform.api;

import java.util.List;

/** A page of a list, as every list in the API answers. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
