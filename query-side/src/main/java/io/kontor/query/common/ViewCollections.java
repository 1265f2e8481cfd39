package io.kontor.query.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a projection ({@code @ProcessingGroup}): the collections it writes through {@link Views}, by base name. Such a
 * view can be rebuilt beside its live generation ({@link CollectionView}); its queries read through
 * {@link Views#collection(String)}. Every projection of a processing group names the collections it writes.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ViewCollections {

    String[] value();
}
