package io.kontor.query.common;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every view whose projections declare their collections with {@link ViewCollections}, one {@link CollectionView}
 * per processing group: each can be rebuilt beside its live generation, and {@link Views} knows its collections
 * from the start, before any query or batch runs.
 */
@Component
public class CollectionViews {

    private final List<CollectionView> views = new ArrayList<>();

    CollectionViews(ApplicationContext context, Views views, MongoDatabase database, ViewGenerations generations) {
        Map<String, List<Object>> projections = new TreeMap<>();
        Map<String, Set<String>> collections = new TreeMap<>();
        for (Object bean : context.getBeansWithAnnotation(ViewCollections.class).values()) {
            Class<?> type = AopUtils.getTargetClass(bean);
            ProcessingGroup group = AnnotatedElementUtils.findMergedAnnotation(type, ProcessingGroup.class);
            if (group == null) {
                throw new IllegalStateException(type.getName() + " declares view collections but no processing group");
            }
            projections.computeIfAbsent(group.value(), g -> new ArrayList<>()).add(bean);
            collections.computeIfAbsent(group.value(), g -> new LinkedHashSet<>())
                    .addAll(List.of(type.getAnnotation(ViewCollections.class).value()));
        }
        projections.forEach((group, beans) -> this.views.add(new CollectionView(group,
                List.copyOf(collections.get(group)), beans, views, database, generations)));
    }

    public Collection<CollectionView> all() {
        return List.copyOf(views);
    }
}
