package com.renovation.media.orders.service.orders;

import com.renovation.media.orders.config.OrdersConfig;
import com.renovation.media.orders.repository.Job;
import com.renovation.media.orders.repository.JobRepository;
import com.renovation.media.orders.repository.Order;
import com.renovation.media.orders.repository.OrderItem;
import com.renovation.media.orders.repository.OrderItemRepository;
import com.renovation.media.orders.repository.OrderStatus;
import com.renovation.media.orders.rest.dto.OrderView;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds order views with their items and jobs, for any number of orders in two queries. */
@ApplicationScoped
public class OrderViews {

    private final OrderItemRepository items;
    private final JobRepository jobs;
    private final OrdersConfig config;

    public OrderViews(OrderItemRepository items, JobRepository jobs, OrdersConfig config) {
        this.items = items;
        this.jobs = jobs;
        this.config = config;
    }

    /** Must run within a session. */
    public Uni<List<OrderView>> of(List<Order> orders) {
        List<UUID> ids = orders.stream().map(o -> o.id).toList();
        return items.ofOrders(ids).chain(itemRows -> jobs.ofOrders(ids).map(jobRows -> {
            Map<UUID, List<OrderItem>> itemsOf = itemRows.stream().collect(Collectors.groupingBy(i -> i.orderId));
            Map<UUID, Job> jobOf = jobRows.stream().collect(Collectors.toMap(j -> j.itemId, Function.identity()));
            return orders.stream().map(o -> view(o, itemsOf.getOrDefault(o.id, List.of()), jobOf)).toList();
        }));
    }

    public Uni<OrderView> of(Order order) {
        return of(List.of(order)).map(List::getFirst);
    }

    public OrderView view(Order order, List<OrderItem> orderItems, Map<UUID, Job> jobOf) {
        List<OrderView.ItemView> views = orderItems.stream()
                .sorted(java.util.Comparator.comparingInt(i -> i.position))
                .map(i -> OrderView.ItemView.of(i, jobOf.get(i.id))).toList();
        return OrderView.of(order, checkoutUrl(order), views);
    }

    /** Only an order still waiting for its payment has a page to pay it on. */
    private String checkoutUrl(Order order) {
        return order.status == OrderStatus.PENDING_PAYMENT
                ? CheckoutUrls.of(config.checkoutUrl(), order.id, order.total, order.currency) : null;
    }
}
