package org.onemind.platform.api;

import java.util.List;

/** A page of a list, as every list in the API answers (named apart from Panache's {@code Page}, the page asked for). */
public record ListPage<T>(List<T> items, int page, int size, long total) {}
