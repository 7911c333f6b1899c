/**
 * The core beneath every capability: configuration ({@link org.interchange.core.Settings}), the database
 * ({@link org.interchange.core.persistence}), the one scheduler ({@link org.interchange.core.Scheduler}), the work
 * queues for work that may block ({@link org.interchange.core.WorkQueues}), SIP value types
 * ({@link org.interchange.core.sip}), start-up ({@link org.interchange.core.Startup}) and the bean lookup that
 * SIP servlets use ({@link org.interchange.core.BeanLookup}). It imports no capability.
 */
package org.interchange.core;
