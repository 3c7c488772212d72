package io.hotelkit.memory;

import io.hotelkit.shared.PropertyId;

/** Keys of rows that belong to a property: {@code <property id>/<code>}, so that a property's rows scan by prefix. */
final class PropertyKeys {

    private PropertyKeys() {}

    static String key(PropertyId propertyId, String code) {
        return propertyId.value() + '/' + code;
    }

    static String prefix(PropertyId propertyId) {
        return propertyId.value() + '/';
    }
}
