package io.boardclerk.core.clerk;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The effects' promise, as {@link EveryCommandHandledTest} is the commands': every kind of {@link Effect} has its own
 * case in {@link Effect.Handler} and is handed to that case, and no other. The bot's runner implements the handler,
 * so the compiler holds it to every case.
 */
class EveryEffectHandledTest {

    @Test
    void everyEffectGoesToItsOwnCase() throws Exception {
        List<String> wrong = new ArrayList<>();
        Class<?>[] kinds = Effect.class.getPermittedSubclasses();
        assertTrue(kinds.length >= 5, "the sealed Effect lists its kinds");
        for (Class<?> kind : kinds) {
            AtomicReference<Method> called = new AtomicReference<>();
            @SuppressWarnings("unchecked")
            Effect.Handler<Object> handler = (Effect.Handler<Object>) Proxy.newProxyInstance(
                    Effect.class.getClassLoader(), new Class<?>[]{Effect.Handler.class}, (proxy, method, args) -> {
                        called.set(method);
                        return null;
                    });
            ((Effect) instance(kind)).handle(handler);
            Method method = called.get();
            if (method == null || !Arrays.equals(method.getParameterTypes(), new Class<?>[]{kind})) {
                wrong.add(kind.getSimpleName() + " went to " + (method == null ? "no case" : method.getName()));
            }
        }
        assertEquals(List.of(), wrong, "effects not handed to their own case");
        assertEquals(kinds.length, Effect.Handler.class.getDeclaredMethods().length,
                "one case for each kind of effect, and no case for a kind that does not exist");
    }

    /** A record of {@code kind} with every component at its zero value. */
    private static Object instance(Class<?> kind) throws Exception {
        RecordComponent[] components = kind.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] values = Arrays.stream(types).map(t -> t == long.class ? (Object) 0L : t == int.class ? (Object) 0
                : t == boolean.class ? (Object) false : null).toArray();
        Constructor<?> constructor = kind.getDeclaredConstructor(types);
        return constructor.newInstance(values);
    }
}
