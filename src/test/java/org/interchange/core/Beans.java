package org.interchange.core;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;

import javax.annotation.PostConstruct;

/** What CDI does to a bean after its constructor, for tests that construct beans themselves. */
public final class Beans {

    private Beans() {
    }

    /**
     * Calls the bean's {@code @PostConstruct} methods, a superclass's first, as the container would.
     *
     * @return the bean
     */
    public static <T> T constructed(T bean) {
        Deque<Class<?>> hierarchy = new ArrayDeque<>();
        for (Class<?> type = bean.getClass(); type != Object.class; type = type.getSuperclass()) {
            hierarchy.push(type);
        }
        for (Class<?> type : hierarchy) {
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(PostConstruct.class)) {
                    invoke(bean, method);
                }
            }
        }
        return bean;
    }

    private static void invoke(Object bean, Method method) {
        try {
            method.setAccessible(true);
            method.invoke(bean);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(method + " failed", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
