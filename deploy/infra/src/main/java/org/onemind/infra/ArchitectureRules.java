package org.onemind.infra;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;

/** The rules of the feature template (README, "Writing a feature") that a machine can check, for one service. */
public final class ArchitectureRules {
    static final List<String> SERVICES = List.of("agency", "training", "compliance", "notification");

    private ArchitectureRules() {}

    /** Checks the main classes under {@code org.onemind.<service>}. */
    public static void check(String service) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.onemind." + service);
        resourcesDoHttpOnly().check(classes);
        resourcesAreNotTransactional().check(classes);
        servicesStayApart(service).check(classes);
        rulesArePlainJava().allowEmptyShould(true).check(classes);
        entitiesStayOffTheWire().check(classes);
        requestsAndResponsesLiveBesideTheResource().check(classes);
        resourcesDoNotQueryEntities().check(classes);
        contractIsPlainJava()
                .check(new ClassFileImporter().importPackages(CONTRACT.substring(0, CONTRACT.length() - 2)));
    }

    /** The resource does HTTP only: the service owns the transaction, the history and the outbox. */
    static ArchRule resourcesDoHttpOnly() {
        return noClasses()
                .that()
                .haveSimpleNameEndingWith("Resource")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("jakarta.persistence.EntityManager")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.onemind.platform.outbox.Outbox")
                .orShould()
                .dependOnClassesThat()
                .haveSimpleNameEndingWith("HistoryLog")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.onemind.agency.events.AgencyEvents")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.onemind.training.events.TrainingEvents")
                .orShould()
                .beAnnotatedWith("jakarta.transaction.Transactional")
                .because("a resource does HTTP only; its feature's service owns the transaction, the history and"
                        + " the outbox");
    }

    static ArchRule resourcesAreNotTransactional() {
        return noMethods()
                .that()
                .areDeclaredInClassesThat()
                .haveSimpleNameEndingWith("Resource")
                .should()
                .beAnnotatedWith("jakarta.transaction.Transactional")
                .because("the transaction belongs to the feature's service");
    }

    /** A service reaches another only through its events and its API, never its classes. */
    static ArchRule servicesStayApart(String service) {
        return noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(SERVICES.stream()
                        .filter(other -> !other.equals(service))
                        .map(other -> "org.onemind." + other + "..")
                        .toArray(String[]::new))
                .because("services share only the service kit, events and HTTP");
    }

    /** The campaign's rules are plain Java: testable without a container, a database or a clock's framework. */
    static ArchRule rulesArePlainJava() {
        return noClasses()
                .that()
                .resideInAPackage("..rules..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages("java..", "..rules..", CONTRACT)
                .because("the pledge rules (RULES.md) import nothing from the framework (only the event contract's"
                        + " records and enums)");
    }

    /** Reads go through the feature's service or query class: a resource runs no Panache query of its own. */
    static ArchRule resourcesDoNotQueryEntities() {
        return noClasses()
                .that()
                .haveSimpleNameEndingWith("Resource")
                .should()
                .callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "a query of a Panache entity",
                        call -> call.getTargetOwner().isAssignableTo(PANACHE_ENTITY)
                                && !call.getTargetOwner().getName().equals(PANACHE_ENTITY)
                                && PANACHE_QUERIES.contains(call.getName())))
                .because("the resource does HTTP only (README, \"Writing a feature\")");
    }

    static final String PANACHE_ENTITY = "io.quarkus.hibernate.orm.panache.PanacheEntityBase";
    static final java.util.Set<String> PANACHE_QUERIES = java.util.Set.of(
            "find",
            "findAll",
            "findById",
            "findByIdOptional",
            "list",
            "listAll",
            "stream",
            "streamAll",
            "count",
            "delete",
            "deleteAll",
            "deleteById",
            "update",
            "persist");

    /** A feature's request and response records are in its {@code XRequests} / {@code XResponse} files, not in the resource. */
    static ArchRule requestsAndResponsesLiveBesideTheResource() {
        return classes()
                .should(new ArchCondition<JavaClass>("be declared outside resources") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        if (type.isMemberClass()) {
                            type.getEnclosingClass()
                                    .filter(enclosing ->
                                            enclosing.getSimpleName().endsWith("Resource"))
                                    .ifPresent(enclosing -> events.add(SimpleConditionEvent.violated(
                                            type, type.getName() + " is declared in " + enclosing.getSimpleName())));
                        }
                    }
                })
                .because("DTOs live in one place per feature (README, \"Writing a feature\")");
    }

    /** The event contract every service shares (records, enums, type constants). */
    static final String CONTRACT = "org.onemind.platform.contract..";

    /** The event contract is plain Java, so that the rules may use it and any producer or consumer can. */
    static ArchRule contractIsPlainJava() {
        return noClasses()
                .that()
                .resideInAPackage(CONTRACT)
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages("java..", CONTRACT)
                .because("the event contract is records, enums and constants, nothing else");
    }

    /** Entities are mapped to response records; an entity is never an HTTP answer. */
    static ArchRule entitiesStayOffTheWire() {
        return methods()
                .that()
                .areDeclaredInClassesThat()
                .haveSimpleNameEndingWith("Resource")
                .and()
                .arePublic()
                .should()
                .haveRawReturnType(com.tngtech.archunit.base.DescribedPredicate.not(
                        com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith(
                                "jakarta.persistence.Entity")))
                .because("entities stay off the wire: a response record per shape");
    }
}
