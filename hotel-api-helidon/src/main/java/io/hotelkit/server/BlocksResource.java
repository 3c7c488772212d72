package io.hotelkit.server;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.hotelkit.reservations.Block;
import io.hotelkit.reservations.BlockService;
import io.hotelkit.reservations.BlockStatus;
import io.hotelkit.shared.PropertyId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * {@code /v1/properties/{propertyId}/blocks}: rooms held for a group or an allotment; a booking naming the block
 * takes from it, and what is not picked up goes back to general inventory on the release date.
 */
final class BlocksResource implements HttpService {

    private final BlockService blocks;
    private final Idempotent idempotent;

    BlocksResource(BlockService blocks, Idempotent idempotent) {
        this.blocks = blocks;
        this.idempotent = idempotent;
    }

    @Override
    public void routing(HttpRules rules) {
        Routes.define(rules, routes -> routes
                .handle(Route.CREATE_BLOCK, NewBlock.class, idempotent.creating(this::create))
                .handle(Route.LIST_BLOCKS, this::list)
                .handle(Route.GET_BLOCK, this::get)
                .handle(Route.CANCEL_BLOCK, this::cancel));
    }

    record NewBlock(
            @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]{0,31}") String code,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 32) String roomType,
            @NotBlank @Size(max = 32) String ratePlan,
            @NotNull LocalDate from,
            @NotNull LocalDate to,
            @NotNull @Min(1) @Max(10_000) Integer rooms,
            @NotNull LocalDate releaseDate,
            @NotNull BlockStatus status) {}

    record BlockView(String code, String name, String roomType, String ratePlan, LocalDate from, LocalDate to, int rooms,
                     LocalDate releaseDate, BlockStatus status, List<BlockNight> nights) {

        static BlockView of(Block block, List<BlockService.BlockNight> nights) {
            return new BlockView(block.code(), block.name(), block.roomType(), block.ratePlan(), block.nights().start(),
                    block.nights().end(), block.rooms(), block.releaseDate(), block.status(),
                    nights.stream().map(n -> new BlockNight(n.night(), n.held(), n.pickedUp())).toList());
        }
    }

    /** A night of a block: rooms held (all while the block is open, the picked-up ones after) and picked up. */
    record BlockNight(LocalDate date, int held, int pickedUp) {}

    private Reply create(ServerRequest req, NewBlock body) {
        PropertyId property = Params.property(req);
        Block block = blocks.create(property, body.code(), body.name(), body.roomType(), body.ratePlan(),
                Params.range(body.from(), body.to(), "to"), body.rooms(), body.releaseDate(), body.status());
        return Reply.created("/v1/properties/" + property.value() + "/blocks/" + block.code(), view(property, block));
    }

    private Reply list(ServerRequest req) {
        PropertyId property = Params.property(req);
        return Reply.ok(Page.Request.of(req).slice(blocks.blocks(property).stream()
                .sorted(Comparator.comparing(Block::code)).toList(), Block::code).map(block -> view(property, block)));
    }

    private Reply get(ServerRequest req) {
        PropertyId property = Params.property(req);
        return Reply.ok(view(property, blocks.block(property, Params.path(req, "blockCode"))));
    }

    /** Releases every room not picked up; the block's bookings stay. */
    private Reply cancel(ServerRequest req) {
        PropertyId property = Params.property(req);
        return Reply.ok(view(property, blocks.cancel(property, Params.path(req, "blockCode"))));
    }

    private BlockView view(PropertyId property, Block block) {
        return BlockView.of(block, blocks.nights(property, block.code()));
    }
}
