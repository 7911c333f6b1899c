/**
 * What capabilities and integrators implement to add commands to the management interface: a CDI bean of type
 * {@link org.interchange.mi.spi.MiCommand} is a command, with {@link org.interchange.mi.spi.MiParams} for its
 * parameters and {@link org.interchange.mi.spi.MiError} for its error answers. OpenSIPS's modules export their MI
 * commands in their {@code mi_export_t} arrays; here each capability's package holds its own.
 */
package org.interchange.mi.spi;
