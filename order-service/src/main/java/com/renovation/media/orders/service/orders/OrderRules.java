package com.renovation.media.orders.service.orders;

import com.renovation.media.contracts.orders.ProcessingService;
import com.renovation.media.orders.rest.dto.OrderRequests.CreateOrder;
import com.renovation.media.orders.rest.dto.OrderRequests.Item;
import com.renovation.media.web.problem.ApiException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Checks a new order's body before anything is read: every failure here is the client's (400). */
public final class OrderRules {

    private OrderRules() {
    }

    /** An item as checked: its service known. */
    public record CheckedItem(UUID assetId, ProcessingService service, Map<String, Object> options) {
    }

    public static List<CheckedItem> check(CreateOrder request, int maxItems) {
        if (request.sessionId() == null) {
            throw ApiException.invalid("sessionId", "is required");
        }
        List<Item> items = request.items();
        if (items == null || items.isEmpty()) {
            throw ApiException.invalid("items", "must name at least one asset");
        }
        if (items.size() > maxItems) {
            throw ApiException.invalid("items", "at most " + maxItems + " per order");
        }
        Set<String> seen = new HashSet<>();
        List<CheckedItem> checked = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            String field = "items[" + i + "]";
            if (item == null) {
                throw ApiException.invalid(field, "is required");
            }
            if (item.assetId() == null) {
                throw ApiException.invalid(field + ".assetId", "is required");
            }
            ProcessingService service = ProcessingService.find(item.service()).orElseThrow(() -> ApiException.invalid(
                    field + ".service", "must be one of " + ProcessingService.allValues()));
            if (!seen.add(item.assetId() + "/" + service.value())) {
                throw ApiException.invalid(field, "asset " + item.assetId() + " is already ordered for "
                        + service.value() + " in this order");
            }
            checked.add(new CheckedItem(item.assetId(), service, item.options() == null ? Map.of() : item.options()));
        }
        return checked;
    }
}
