package app.rapport.clients.service.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

/** Every {@link PersonalDataSection} bean, in a stable order (by name), each name once. */
@ApplicationScoped
public class PersonalDataSections {

    @Inject
    Instance<PersonalDataSection> sections;

    public List<PersonalDataSection> all() {
        List<PersonalDataSection> all = StreamSupport.stream(sections.spliterator(), false)
                .sorted(Comparator.comparing(PersonalDataSection::name))
                .toList();
        Set<String> names = new HashSet<>();
        for (PersonalDataSection section : all) {
            if (!names.add(section.name())) {
                // Two sections under one key would silently drop one of them from the export.
                throw new IllegalStateException("Two personal-data sections are named " + section.name());
            }
        }
        return all;
    }
}
