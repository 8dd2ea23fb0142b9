package app.rapport.platform.input;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The query and path parameters a resource method declares, with the kind of value each must hold. */
record DeclaredParameters(Map<String, Declared> query, Map<String, Declared> path) {

    /** One declared parameter: whether it may repeat, and what its values must look like. */
    record Declared(String name, ValueKind kind, boolean repeatable) {
    }

    static DeclaredParameters of(Class<?> resource, Method method) {
        Map<String, Declared> query = new LinkedHashMap<>();
        Map<String, Declared> path = new LinkedHashMap<>();
        for (Parameter parameter : method.getParameters()) {
            collect(parameter.getAnnotations(), parameter.getType(), parameter.getParameterizedType(), query, path);
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                collectFields(parameter.getType(), query, path);
            }
        }
        collectFields(resource, query, path);
        return new DeclaredParameters(Map.copyOf(query), Map.copyOf(path));
    }

    private static void collectFields(Class<?> type, Map<String, Declared> query, Map<String, Declared> path) {
        for (Class<?> at = type; at != null && at != Object.class; at = at.getSuperclass()) {
            for (Field field : at.getDeclaredFields()) {
                collect(field.getAnnotations(), field.getType(), field.getGenericType(), query, path);
            }
        }
    }

    private static void collect(Annotation[] annotations, Class<?> type, Type generic,
                                Map<String, Declared> query, Map<String, Declared> path) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam q) {
                query.put(q.value(), declared(q.value(), type, generic));
            } else if (annotation instanceof PathParam p) {
                path.put(p.value(), declared(p.value(), type, generic));
            }
        }
    }

    private static Declared declared(String name, Class<?> type, Type generic) {
        boolean repeatable = Collection.class.isAssignableFrom(type);
        Class<?> valueType = type;
        if (repeatable && generic instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            valueType = element;
        }
        return new Declared(name, ValueKind.of(valueType), repeatable);
    }

    List<String> queryNames() {
        return new ArrayList<>(query.keySet()).stream().sorted().toList();
    }
}
