package org.interchange;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.persistence.Entity;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import org.interchange.core.SipEdge;

/**
 * The package rules of {@code org.interchange}'s package-info, as a tripwire: a capability's {@code internal} is its
 * own, the core knows no capability, only servlets and the SIP edge see the container's SIP API, and capabilities
 * depend on one another without cycles. The container layer ({@code org.interchange.container}, another module)
 * is not analysed.
 */
@AnalyzeClasses(packages = "org.interchange",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.WithoutTheContainerLayer.class})
class ArchitectureTest {

    @ArchTest
    static final ArchRule internalsAreUsedOnlyByTheirOwnCapability = classes()
            .should(new ArchCondition<JavaClass>("use no other capability's internal package") {
                private final Pattern internal = Pattern.compile("(org\\.interchange\\.[a-z]+)\\.internal(\\..*)?");

                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                        Matcher target = internal.matcher(dependency.getTargetClass().getPackageName());
                        if (target.matches() && !origin.getPackageName().equals(target.group(1))
                                && !origin.getPackageName().startsWith(target.group(1) + ".")) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    }
                }
            });

    @ArchTest
    static final ArchRule coreKnowsNoCapability = noClasses()
            .that().resideInAPackage("org.interchange.core..")
            .should().dependOnClassesThat(resideInAPackage("org.interchange..")
                    .and(not(resideInAnyPackage("org.interchange.core..", "org.interchange.container.."))));

    @ArchTest
    static final ArchRule onlyServletsAndTheSipEdgeSeeSipServlets = noClasses()
            .that().haveSimpleNameNotEndingWith("Servlet")
            .and().doNotHaveFullyQualifiedName(SipEdge.class.getName())
            // carries @SipApplication
            .and().doNotHaveFullyQualifiedName("org.interchange.package-info")
            .should().dependOnClassesThat().resideInAPackage("javax.servlet.sip..");

    @ArchTest
    static final ArchRule beansNeverSeeTheServletApi = noClasses()
            .that().haveSimpleNameNotEndingWith("Servlet")
            .and(not(belongToAnyOf(SipEdge.class)))
            .and().doNotHaveFullyQualifiedName("org.interchange.package-info")
            .and().resideOutsideOfPackage("org.interchange.mgmt..")
            .should().dependOnClassesThat().resideInAPackage("javax.servlet..");

    @ArchTest
    static final ArchRule entitiesStayInternal = classes()
            .that().areAnnotatedWith(Entity.class)
            .should().resideInAPackage("org.interchange.*.internal..")
            .andShould().haveSimpleNameEndingWith("Entity");

    @ArchTest
    static final ArchRule capabilitiesDependWithoutCycles = slices()
            .matching("org.interchange.(*)..")
            .should().beFreeOfCycles();

    /** Leaves out the container layer, which shares the root package from its own module. */
    static final class WithoutTheContainerLayer implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/org/interchange/container/");
        }
    }
}
