package org.interchange.mgmt;

import io.swagger.v3.core.jackson.TypeNameResolver;

/**
 * Names the description's schemas so that two records of one simple name do not become one schema: a nested type
 * is named after its enclosing type ({@code RouteChain.Entry} is {@code RouteChainEntry}, {@code DialplanLoad.Skipped}
 * and {@code AddressReload.Skipped} stay apart), without a {@code Resource} suffix and without saying the outer name
 * twice ({@code DialplanResource.RuleView} is {@code DialplanRuleView}, {@code AddressResource.AddressView} stays
 * {@code AddressView}). A name given with {@code @Schema(name = ...)} wins.
 */
final class SchemaNames extends TypeNameResolver {

    @Override
    protected String getNameOfClass(Class<?> type) {
        Class<?> outer = type.getEnclosingClass();
        if (outer == null) {
            return type.getSimpleName();
        }
        String prefix = outer.getSimpleName().replaceFirst("Resource$", "");
        return type.getSimpleName().startsWith(prefix) ? type.getSimpleName() : prefix + type.getSimpleName();
    }
}
