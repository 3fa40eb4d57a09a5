package com.renovation.media.orders.service.orders;

import com.renovation.media.orders.config.OrdersConfig;
import com.renovation.media.orders.repository.Order;
import com.renovation.media.orders.repository.OrderAsset;
import com.renovation.media.orders.repository.OrderAssetRepository;
import com.renovation.media.orders.repository.OrderItem;
import com.renovation.media.orders.repository.OrderItemRepository;
import com.renovation.media.orders.repository.OrderNumberRepository;
import com.renovation.media.orders.repository.OrderRepository;
import com.renovation.media.orders.repository.OrderStatus;
import com.renovation.media.orders.repository.PaymentStatus;
import com.renovation.media.orders.rest.dto.OrderRequests.CreateOrder;
import com.renovation.media.orders.rest.dto.OrderView;
import com.renovation.media.orders.service.orders.OrderRules.CheckedItem;
import com.renovation.media.web.paging.Page;
import com.renovation.media.web.paging.SortKey;
import com.renovation.media.web.problem.ApiException;
import com.renovation.media.web.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Creating and reading the caller's orders. */
@ApplicationScoped
public class OrderService {

    private final OrderRepository orders;
    private final OrderItemRepository items;
    private final OrderAssetRepository assets;
    private final OrderNumberRepository numbers;
    private final OrderViews views;
    private final OrdersConfig config;

    public OrderService(OrderRepository orders, OrderItemRepository items, OrderAssetRepository assets,
            OrderNumberRepository numbers, OrderViews views, OrdersConfig config) {
        this.orders = orders;
        this.items = items;
        this.assets = assets;
        this.numbers = numbers;
        this.views = views;
        this.config = config;
    }

    /**
     * A new order, pending its payment. Every asset must be known here as confirmed, the caller's and in the
     * session; any other is answered as not found, so nobody learns of another user's assets. The number is
     * taken in this transaction.
     */
    @WithTransaction
    public Uni<OrderView> create(Caller caller, CreateOrder request) {
        List<CheckedItem> checked = OrderRules.check(request, config.maxItems());
        List<UUID> assetIds = checked.stream().map(CheckedItem::assetId).distinct().toList();
        return assets.byIds(assetIds).chain(found -> {
            Map<UUID, OrderAsset> byId = found.stream().collect(Collectors.toMap(a -> a.assetId, Function.identity()));
            for (UUID id : assetIds) {
                OrderAsset asset = byId.get(id);
                if (asset == null || !asset.ownerId.equals(caller.userId())
                        || !asset.sessionId.equals(request.sessionId())) {
                    throw ApiException.notFound("asset " + id);
                }
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS); // as the column keeps it
            return numbers.next(now.atOffset(ZoneOffset.UTC).toLocalDate()).chain(rank -> {
                Order order = newOrder(caller, request.sessionId(), now,
                        OrderNumbers.format(now.atOffset(ZoneOffset.UTC).toLocalDate(), rank));
                List<OrderItem> rows = new ArrayList<>();
                List<BigDecimal> prices = new ArrayList<>();
                for (int i = 0; i < checked.size(); i++) {
                    OrderItem item = newItem(order.id, i, checked.get(i));
                    rows.add(item);
                    prices.add(item.price);
                }
                Pricing.Totals totals = Pricing.of(prices, config.taxRate());
                order.subtotal = totals.subtotal();
                order.tax = totals.tax();
                order.total = totals.total();
                return orders.persist(order).call(() -> items.persist(rows)).call(orders::flush)
                        .map(ignored -> views.view(order, rows, Map.of()));
            });
        });
    }

    private Order newOrder(Caller caller, UUID sessionId, Instant now, String number) {
        Order order = new Order();
        order.id = UUID.randomUUID();
        order.number = number;
        order.ownerId = caller.userId();
        order.ownerEmail = caller.claim("email").filter(e -> !e.isBlank()).orElse(null);
        order.sessionId = sessionId;
        order.status = OrderStatus.PENDING_PAYMENT;
        order.paymentStatus = PaymentStatus.PENDING;
        order.currency = config.currency();
        order.createdAt = now;
        order.updatedAt = now;
        return order;
    }

    private OrderItem newItem(UUID orderId, int position, CheckedItem checked) {
        OrderItem item = new OrderItem();
        item.id = UUID.randomUUID();
        item.orderId = orderId;
        item.position = position;
        item.assetId = checked.assetId();
        item.service = checked.service();
        item.options = checked.options();
        item.price = Pricing.cents(config.priceOf(checked.service()));
        return item;
    }

    /** The caller's orders, newest first. */
    @WithSession
    public Uni<Page<OrderView>> list(Caller caller, String cursor, int limit) {
        return orders.pageOfOwner(caller.userId(), SortKey.decode(cursor), limit + 1).chain(rows -> {
            boolean more = rows.size() > limit;
            List<Order> page = more ? rows.subList(0, limit) : rows;
            return views.of(page).map(viewList -> new Page<>(viewList,
                    more ? new SortKey(0, page.getLast().createdAt, page.getLast().id).encode() : null));
        });
    }

    /** The owner's order; an admin may read anyone's. Anyone else is told it does not exist. */
    @WithSession
    public Uni<OrderView> get(Caller caller, UUID id) {
        return orders.findById(id).chain(order -> {
            if (order == null || !(caller.admin() || order.ownerId.equals(caller.userId()))) {
                throw ApiException.notFound("order " + id);
            }
            return views.of(order);
        });
    }
}
