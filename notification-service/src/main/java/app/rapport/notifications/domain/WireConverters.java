package app.rapport.notifications.domain;

import app.rapport.contract.CareTeamRole;
import app.rapport.contract.DataCategory;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Contract enums are stored as they are spelled on the wire. */
public final class WireConverters {

    private WireConverters() {
    }

    @Converter
    public static class Role implements AttributeConverter<CareTeamRole, String> {
        @Override
        public String convertToDatabaseColumn(CareTeamRole role) {
            return role == null ? null : role.wire();
        }

        @Override
        public CareTeamRole convertToEntityAttribute(String wire) {
            return wire == null ? null : CareTeamRole.fromWire(wire);
        }
    }

    @Converter
    public static class Category implements AttributeConverter<DataCategory, String> {
        @Override
        public String convertToDatabaseColumn(DataCategory category) {
            return category == null ? null : category.wire();
        }

        @Override
        public DataCategory convertToEntityAttribute(String wire) {
            return wire == null ? null : DataCategory.fromWire(wire);
        }
    }
}
