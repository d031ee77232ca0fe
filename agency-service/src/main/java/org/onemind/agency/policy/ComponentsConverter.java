package org.onemind.agency.policy;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Stores the covered components as their names, comma separated (names hold no commas). */
@Converter
public class ComponentsConverter implements AttributeConverter<List<PolicyComponent>, String> {
    @Override
    public String convertToDatabaseColumn(List<PolicyComponent> components) {
        return components == null ? "" : components.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    @Override
    public List<PolicyComponent> convertToEntityAttribute(String column) {
        return column == null || column.isBlank()
                ? List.of()
                : Arrays.stream(column.split(",")).map(PolicyComponent::valueOf).toList();
    }
}
