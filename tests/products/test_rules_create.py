"""Every product-creation rule, broken on its own, names its field and rule id (and nothing else)."""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from typing import Any

import pytest

from coupang_seller.preflight import products as rules
from tests.products.rule_cases import (
    CATEGORY,
    DELETE,
    META,
    NOW,
    PARENT_CATEGORY,
    create,
    is_leaf,
    pairs,
    product,
    setter,
)

Mutation = Callable[[dict[str, Any]], None]


def both(*steps: Mutation) -> Mutation:
    def apply(body: dict[str, Any]) -> None:
        for step in steps:
            step(body)

    return apply


def append(path: str, value: Any) -> Mutation:
    def apply(body: dict[str, Any]) -> None:
        target: Any = body
        for key in path.split("."):
            target = target[int(key)] if key.isdigit() else target[key]
        target.append(copy.deepcopy(value))

    return apply


def single() -> dict[str, Any]:
    body = product()
    body["items"] = body["items"][:1]
    return body


def test_valid_listing_passes() -> None:
    assert create(product()) == []
    assert create(single()) == []


def test_numbers_and_flags_as_strings_are_accepted() -> None:
    body = product()
    body["returnCenterCode"] = 1000274592
    body["displayCategoryCode"] = str(CATEGORY)
    body["deliveryCharge"] = "0"
    body["requested"] = "true"
    body["items"][0]["externalVendorSku"] = 1234
    body["items"][0]["pccNeeded"] = False
    body["items"][0]["attributes"][0]["attributeValueName"] = (
        "1ea"  # unit matched case-insensitively
    )
    assert create(body) == []


D = "items.0"
I0 = "items[0]"

TOP_LEVEL: list[tuple[str, Mutation, set[tuple[str, str]]]] = [
    (
        "category missing",
        setter("displayCategoryCode", DELETE),
        {("displayCategoryCode", "required")},
    ),
    (
        "category not a number",
        setter("displayCategoryCode", "abc"),
        {("displayCategoryCode", "type")},
    ),
    ("category zero", setter("displayCategoryCode", 0), {("displayCategoryCode", "min_value")}),
    (
        "category not leaf",
        setter("displayCategoryCode", PARENT_CATEGORY),
        {("displayCategoryCode", "category_not_leaf")},
    ),
    (
        "category unknown",
        setter("displayCategoryCode", 12),
        {("displayCategoryCode", "category_unknown")},
    ),
    (
        "seller name long",
        setter("sellerProductName", "가" * 101),
        {("sellerProductName", "max_length")},
    ),
    ("seller name missing", setter("sellerProductName", " "), {("sellerProductName", "required")}),
    (
        "display name long",
        setter("displayProductName", "가" * 101),
        {("displayProductName", "max_length")},
    ),
    (
        "general name long",
        setter("generalProductName", "가" * 101),
        {("generalProductName", "max_length")},
    ),
    ("brand missing", setter("brand", DELETE), {("brand", "required")}),
    ("vendorId not text", setter("vendorId", ["A"]), {("vendorId", "type")}),
    ("delivery method", setter("deliveryMethod", "TELEPORT"), {("deliveryMethod", "enum")}),
    (
        "retired method",
        setter("deliveryMethod", "INSTRUCTURE"),
        {("deliveryMethod", "delivery_method_retired")},
    ),
    ("method missing", setter("deliveryMethod", DELETE), {("deliveryMethod", "required")}),
    (
        "courier unknown",
        setter("deliveryCompanyCode", "NOPE"),
        {("deliveryCompanyCode", "courier_code")},
    ),
    ("charge type", setter("deliveryChargeType", "FREEISH"), {("deliveryChargeType", "enum")}),
    ("charge negative", setter("deliveryCharge", -100), {("deliveryCharge", "min_value")}),
    ("charge not a number", setter("deliveryCharge", "two"), {("deliveryCharge", "type")}),
    (
        "over amount missing",
        setter("freeShipOverAmount", DELETE),
        {("freeShipOverAmount", "required")},
    ),
    ("remote area", setter("remoteAreaDeliverable", "YES"), {("remoteAreaDeliverable", "enum")}),
    ("union type", setter("unionDeliveryType", "BUNDLE"), {("unionDeliveryType", "enum")}),
    ("return vendor", setter("returnChargeVendor", "X"), {("returnChargeVendor", "enum")}),
    ("requested text", setter("requested", "maybe"), {("requested", "type")}),
    ("requested missing", setter("requested", DELETE), {("requested", "required")}),
    ("contact blank", setter("companyContactNumber", ""), {("companyContactNumber", "required")}),
    ("return center missing", setter("returnCenterCode", None), {("returnCenterCode", "required")}),
    (
        "after service missing",
        setter("afterServiceInformation", DELETE),
        {("afterServiceInformation", "required")},
    ),
    ("manufacture missing", setter("manufacture", DELETE), {("manufacture", "required")}),
    ("wing user missing", setter("vendorUserId", DELETE), {("vendorUserId", "required")}),
    (
        "outbound place text",
        setter("outboundShippingPlaceCode", "abc"),
        {("outboundShippingPlaceCode", "type")},
    ),
    ("items missing", setter("items", DELETE), {("items", "required")}),
    ("items empty", setter("items", []), {("items", "required")}),
    ("items not a list", setter("items", "x"), {("items", "type")}),
    ("item not an object", setter("items.1", 7), {("items[1]", "type")}),
    # sale period
    (
        "start format",
        setter("saleStartedAt", "2024-05-01 00:00:00"),
        {("saleStartedAt", "datetime_format")},
    ),
    (
        "end no date",
        setter("saleEndedAt", "2024-13-01T00:00:00"),
        {("saleEndedAt", "datetime_format")},
    ),
    (
        "end with zone",
        setter("saleEndedAt", "2099-01-01T23:59:59Z"),
        {("saleEndedAt", "datetime_format")},
    ),
    (
        "end before start",
        both(
            setter("saleStartedAt", "2099-01-02T00:00:00"),
            setter("saleEndedAt", "2099-01-01T00:00:00"),
        ),
        {("saleEndedAt", "sale_period_order")},
    ),
    (
        "end after 2099",
        setter("saleEndedAt", "2100-01-01T00:00:00"),
        {("saleEndedAt", "sale_end_max")},
    ),
    (
        "already over",
        both(
            setter("saleStartedAt", "2024-01-01T00:00:00"),
            setter("saleEndedAt", "2024-05-01T11:59:59"),
        ),
        {("saleEndedAt", "sale_ended_in_past")},
    ),
    # delivery charges (business rule 9)
    (
        "free with charge",
        setter("deliveryCharge", 2500),
        {("deliveryCharge", "free_delivery_charge")},
    ),
    (
        "free with over amount",
        setter("freeShipOverAmount", 9800),
        {("freeShipOverAmount", "free_ship_over_amount")},
    ),
    (
        "not free with charge on return",
        both(setter("deliveryChargeType", "NOT_FREE"), setter("deliveryCharge", 2500)),
        {("deliveryChargeOnReturn", "delivery_charge_on_return")},
    ),
    (
        "not free without charge",
        both(setter("deliveryChargeType", "NOT_FREE"), setter("deliveryChargeOnReturn", 0)),
        {("deliveryCharge", "delivery_charge_required")},
    ),
    (
        "not free with over amount",
        both(
            setter("deliveryChargeType", "NOT_FREE"),
            setter("deliveryCharge", 2500),
            setter("deliveryChargeOnReturn", 0),
            setter("freeShipOverAmount", 30000),
        ),
        {("freeShipOverAmount", "free_ship_over_amount")},
    ),
    (
        "over 19800 with other amount",
        both(
            setter("deliveryChargeType", "FREE_DELIVERY_OVER_19800"),
            setter("deliveryCharge", 2500),
            setter("deliveryChargeOnReturn", 0),
            setter("freeShipOverAmount", 10000),
        ),
        {("freeShipOverAmount", "free_ship_over_amount")},
    ),
    (
        "over 9800 with charge on return",
        both(
            setter("deliveryChargeType", "FREE_DELIVERY_OVER_9800"),
            setter("deliveryCharge", 2500),
            setter("freeShipOverAmount", 9800),
        ),
        {("deliveryChargeOnReturn", "delivery_charge_on_return")},
    ),
    (
        "conditional without amount",
        both(
            setter("deliveryChargeType", "CONDITIONAL_FREE"),
            setter("deliveryCharge", 3000),
            setter("deliveryChargeOnReturn", 0),
        ),
        {("freeShipOverAmount", "free_ship_over_amount")},
    ),
    (
        "return charge too high",
        setter("returnCharge", 3760),
        {("returnCharge", "return_charge_range")},
    ),
    (
        "return charge too low",
        setter("returnCharge", 2490),
        {("returnCharge", "return_charge_range")},
    ),
    (
        "union without place",
        setter("outboundShippingPlaceCode", DELETE),
        {("outboundShippingPlaceCode", "union_needs_outbound_place")},
    ),
    (
        "union with cash on delivery",
        setter("deliveryChargeType", "CHARGE_RECEIVED"),
        {("unionDeliveryType", "union_no_cash_on_delivery")},
    ),
    # documents
    (
        "unknown document",
        setter("requiredDocuments.0.templateName", "위조서류"),
        {("requiredDocuments[0].templateName", "required_document_unknown")},
    ),
    (
        "document without path",
        setter("requiredDocuments.0.vendorDocumentPath", DELETE),
        {("requiredDocuments[0].vendorDocumentPath", "document_path_required")},
    ),
    (
        "document path long",
        setter("requiredDocuments.0.documentPath", "d/" * 76),
        {("requiredDocuments[0].documentPath", "max_length")},
    ),
    ("documents not a list", setter("requiredDocuments", "x"), {("requiredDocuments", "type")}),
    (
        "document name missing",
        setter("requiredDocuments.0.templateName", DELETE),
        {("requiredDocuments[0].templateName", "required")},
    ),
    (
        "parallel import without its document",
        setter(f"{D}.parallelImported", "PARALLEL_IMPORTED"),
        {("requiredDocuments", "required_document_missing")},
    ),
]

ITEMS: list[tuple[str, Mutation, set[tuple[str, str]]]] = [
    ("item name long", setter(f"{D}.itemName", "옵션" * 76), {(f"{I0}.itemName", "max_length")}),
    ("item name missing", setter(f"{D}.itemName", DELETE), {(f"{I0}.itemName", "required")}),
    (
        "original price step",
        setter(f"{D}.originalPrice", 13005),
        {(f"{I0}.originalPrice", "original_price_step")},
    ),
    (
        "original price below sale",
        setter(f"{D}.originalPrice", 9000),
        {(f"{I0}.originalPrice", "original_price_below_sale")},
    ),
    (
        "original price negative",
        setter(f"{D}.originalPrice", -10),
        {(f"{I0}.originalPrice", "min_value")},
    ),
    ("sale price zero", setter(f"{D}.salePrice", 0), {(f"{I0}.salePrice", "price_positive")}),
    ("sale price step", setter(f"{D}.salePrice", 10005), {(f"{I0}.salePrice", "price_step")}),
    ("sale price text", setter(f"{D}.salePrice", "싸게"), {(f"{I0}.salePrice", "type")}),
    (
        "stock too big",
        setter(f"{D}.maximumBuyCount", 100_000),
        {(f"{I0}.maximumBuyCount", "quantity_range")},
    ),
    (
        "stock negative",
        setter(f"{D}.maximumBuyCount", "-1"),
        {(f"{I0}.maximumBuyCount", "quantity_range")},
    ),
    (
        "per person negative",
        setter(f"{D}.maximumBuyForPerson", -1),
        {(f"{I0}.maximumBuyForPerson", "min_value")},
    ),
    (
        "period zero",
        setter(f"{D}.maximumBuyForPersonPeriod", 0),
        {(f"{I0}.maximumBuyForPersonPeriod", "min_value")},
    ),
    (
        "shipping days missing",
        setter(f"{D}.outboundShippingTimeDay", DELETE),
        {(f"{I0}.outboundShippingTimeDay", "required")},
    ),
    ("unit count missing", setter(f"{D}.unitCount", DELETE), {(f"{I0}.unitCount", "required")}),
    ("adult only", setter(f"{D}.adultOnly", "KIDS"), {(f"{I0}.adultOnly", "enum")}),
    ("tax type missing", setter(f"{D}.taxType", DELETE), {(f"{I0}.taxType", "required")}),
    (
        "parallel imported",
        setter(f"{D}.parallelImported", "MAYBE"),
        {(f"{I0}.parallelImported", "enum")},
    ),
    (
        "overseas purchased",
        setter(f"{D}.overseasPurchased", "ABROAD"),
        {(f"{I0}.overseasPurchased", "enum")},
    ),
    ("pcc missing", setter(f"{D}.pccNeeded", DELETE), {(f"{I0}.pccNeeded", "required")}),
    ("pcc text", setter(f"{D}.pccNeeded", "nope"), {(f"{I0}.pccNeeded", "type")}),
    (
        "barcode reason long",
        setter(f"{D}.emptyBarcodeReason", "가" * 101),
        {(f"{I0}.emptyBarcodeReason", "max_length")},
    ),
    ("empty barcode text", setter(f"{D}.emptyBarcode", "x"), {(f"{I0}.emptyBarcode", "type")}),
    ("search tags", setter(f"{D}.searchTags", "a,b"), {(f"{I0}.searchTags", "type")}),
    (
        "extra properties",
        setter(f"{D}.extraProperties", ["x"]),
        {(f"{I0}.extraProperties", "type")},
    ),
    (
        "sku object",
        setter(f"{D}.externalVendorSku", {"a": 1}),
        {(f"{I0}.externalVendorSku", "type")},
    ),
    (
        "item id text",
        setter(f"{D}.sellerProductItemId", "x"),
        {(f"{I0}.sellerProductItemId", "type")},
    ),
    ("offer condition", setter(f"{D}.offerCondition", "MINT"), {(f"{I0}.offerCondition", "enum")}),
    (
        "used description on a new item",
        setter(f"{D}.offerDescription", "생활 기스 약간"),
        {(f"{I0}.offerDescription", "offer_description_used_only")},
    ),
    (
        "used description long",
        both(
            setter(f"{D}.offerCondition", "USED_GOOD"),
            setter("items.1.offerCondition", "USED_GOOD"),
            setter(f"{D}.offerDescription", "가" * 701),
        ),
        {(f"{I0}.offerDescription", "max_length")},
    ),
    # overseas and purchase agency
    (
        "overseas item, normal delivery",
        both(
            setter(f"{D}.overseasPurchased", "OVERSEAS_PURCHASED"),
            setter(f"{D}.pccNeeded", True),
            append(
                "requiredDocuments",
                {"templateName": "인보이스영수증(해외구매대행 선택시)", "documentPath": "d.pdf"},
            ),
        ),
        {(f"{I0}.overseasPurchased", "overseas_needs_agent_buy")},
    ),
    (
        "overseas item without pcc",
        both(
            setter("deliveryMethod", "AGENT_BUY"),
            setter(f"{D}.overseasPurchased", "OVERSEAS_PURCHASED"),
            append(
                "requiredDocuments",
                {"templateName": "인보이스영수증(해외구매대행 선택시)", "documentPath": "d.pdf"},
            ),
        ),
        {(f"{I0}.pccNeeded", "pcc_needed_overseas")},
    ),
    (
        "overseas item without invoice",
        both(
            setter("deliveryMethod", "AGENT_BUY"),
            setter(f"{D}.overseasPurchased", "OVERSEAS_PURCHASED"),
            setter(f"{D}.pccNeeded", "true"),
        ),
        {("requiredDocuments", "required_document_missing")},
    ),
    # images
    ("images missing", setter(f"{D}.images", DELETE), {(f"{I0}.images", "required")}),
    (
        "no main image",
        setter(f"{D}.images.0.imageType", "DETAIL"),
        {(f"{I0}.images", "image_representation_count")},
    ),
    (
        "two main images",
        setter(f"{D}.images.1.imageType", "REPRESENTATION"),
        {(f"{I0}.images", "image_representation_count")},
    ),
    (
        "a fourth image is fine",
        append(f"{D}.images", {"imageType": "DETAIL", "vendorPath": "d.jpg"}),
        set(),
    ),
    (
        "image type",
        setter(f"{D}.images.1.imageType", "BANNER"),
        {(f"{I0}.images[1].imageType", "enum")},
    ),
    (
        "image type missing",
        setter(f"{D}.images.1.imageType", DELETE),
        {(f"{I0}.images[1].imageType", "required")},
    ),
    (
        "image order",
        setter(f"{D}.images.1.imageOrder", -1),
        {(f"{I0}.images[1].imageOrder", "min_value")},
    ),
    (
        "vendor path long",
        setter(f"{D}.images.0.vendorPath", "http://x/" + "a" * 142),
        {(f"{I0}.images[0].vendorPath", "max_length")},
    ),
    (
        "cdn path long",
        setter(f"{D}.images.2.cdnPath", "a" * 151),
        {(f"{I0}.images[2].cdnPath", "max_length")},
    ),
    (
        "no path",
        setter(f"{D}.images.0.vendorPath", DELETE),
        {(f"{I0}.images[0].vendorPath", "image_path_required")},
    ),
    ("image not an object", setter(f"{D}.images.2", "x.jpg"), {(f"{I0}.images[2]", "type")}),
    (
        "oblong main image is tolerated",
        append(f"{D}.images", {"imageType": "REP_OBLONG_ORIGIN", "cdnPath": "o.jpg"}),
        set(),
    ),
    # contents
    ("contents missing", setter(f"{D}.contents", DELETE), {(f"{I0}.contents", "required")}),
    (
        "contents type",
        setter(f"{D}.contents.0.contentsType", "VIDEO"),
        {(f"{I0}.contents[0].contentsType", "enum")},
    ),
    (
        "content details empty",
        setter(f"{D}.contents.0.contentDetails", []),
        {(f"{I0}.contents[0].contentDetails", "required")},
    ),
    (
        "content blank",
        setter(f"{D}.contents.0.contentDetails.0.content", ""),
        {(f"{I0}.contents[0].contentDetails[0].content", "required")},
    ),
    (
        "detail type",
        setter(f"{D}.contents.0.contentDetails.0.detailType", "VIDEO"),
        {(f"{I0}.contents[0].contentDetails[0].detailType", "enum")},
    ),
    # certifications
    (
        "certification unknown",
        setter(f"{D}.certifications.0.certificationType", "KC_FAKE"),
        {(f"{I0}.certifications[0].certificationType", "certification_unknown")},
    ),
    (
        "certification missing type",
        setter(f"{D}.certifications.0.certificationType", DELETE),
        {(f"{I0}.certifications[0].certificationType", "required")},
    ),
    (
        "certification without code",
        setter(f"{D}.certifications.0.certificationType", "KC_HOUSEHOLD_CONFIRM"),
        {(f"{I0}.certifications[0].certificationCode", "certification_code_required")},
    ),
    # notices
    ("notices missing", setter(f"{D}.notices", DELETE), {(f"{I0}.notices", "required")}),
    (
        "unknown notice category",
        append(
            f"{D}.notices",
            {
                "noticeCategoryName": "가전",
                "noticeCategoryDetailName": "정격전압",
                "content": "220V",
            },
        ),
        {(f"{I0}.notices[11].noticeCategoryName", "notice_category_unknown")},
    ),
    (
        "two notice categories",
        append(
            f"{D}.notices",
            {
                "noticeCategoryName": "기타 재화",
                "noticeCategoryDetailName": "품명 및 모델명",
                "content": "SB-200",
            },
        ),
        {(f"{I0}.notices", "notice_category_mixed")},
    ),
    (
        "unknown notice detail",
        append(
            f"{D}.notices",
            {"noticeCategoryName": "화장품", "noticeCategoryDetailName": "색상", "content": "투명"},
        ),
        {(f"{I0}.notices[11].noticeCategoryDetailName", "notice_detail_unknown")},
    ),
    (
        "repeated notice detail",
        append(
            f"{D}.notices",
            {
                "noticeCategoryName": "화장품",
                "noticeCategoryDetailName": "제조국",
                "content": "한국",
            },
        ),
        {(f"{I0}.notices[11].noticeCategoryDetailName", "notice_detail_duplicate")},
    ),
    (
        "mandatory detail missing",
        setter(f"{D}.notices.0", DELETE),
        {(f"{I0}.notices", "notice_detail_missing")},
    ),
    (
        "notice content blank",
        setter(f"{D}.notices.3.content", "  "),
        {(f"{I0}.notices[3].content", "required")},
    ),
    (
        "optional detail may be added",
        append(
            f"{D}.notices",
            {
                "noticeCategoryName": "화장품",
                "noticeCategoryDetailName": "기타 참고사항",
                "content": "없음",
            },
        ),
        set(),
    ),
    # across items
    (
        "same item names",
        setter("items.1.itemName", "200ml_1개"),
        {("items[1].itemName", "item_name_duplicate")},
    ),
    (
        "same option combination",
        setter("items.1.attributes.0.attributeValueName", "1개"),
        {("items[1].attributes", "option_combination_duplicate")},
    ),
    (
        "deal: another kind of goods",
        setter(
            "items.1.notices",
            [
                {
                    "noticeCategoryName": "기타 재화",
                    "noticeCategoryDetailName": "품명 및 모델명",
                    "content": "샴푸",
                },
                {
                    "noticeCategoryName": "기타 재화",
                    "noticeCategoryDetailName": "제조국(원산지)",
                    "content": "한국",
                },
            ],
        ),
        {("items[1].notices", "deal_listing")},
    ),
    (
        "deal: other purchase options",
        setter(
            "items.1.attributes.1", {"attributeTypeName": "개당 중량", "attributeValueName": "200g"}
        ),
        {("items[1].attributes", "deal_listing")},
    ),
]


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [(m, e) for _, m, e in TOP_LEVEL + ITEMS],
    ids=[c[0] for c in TOP_LEVEL + ITEMS],
)
def test_rule(mutate: Mutation, expected: set[tuple[str, str]]) -> None:
    body = product()
    mutate(body)
    assert pairs(create(body)) == expected


ATTRIBUTES: list[tuple[str, Mutation, set[tuple[str, str]]]] = [
    (
        "mandatory missing",
        setter(f"{D}.attributes.0", DELETE),
        {(f"{I0}.attributes", "attribute_mandatory_missing")},
    ),
    (
        "blank is not entered",
        setter(f"{D}.attributes.0.attributeValueName", ""),
        {(f"{I0}.attributes", "attribute_mandatory_missing")},
    ),
    (
        "pick-one group missing",
        setter(f"{D}.attributes.1", DELETE),
        {(f"{I0}.attributes", "attribute_mandatory_missing")},
    ),
    (
        "pick-one group twice",
        append(f"{D}.attributes", {"attributeTypeName": "개당 중량", "attributeValueName": "180g"}),
        {(f"{I0}.attributes", "attribute_group_multiple")},
    ),
    (
        "number without number",
        setter(f"{D}.attributes.0.attributeValueName", "한개"),
        {(f"{I0}.attributes[0].attributeValueName", "attribute_number_format")},
    ),
    (
        "number with other unit",
        setter(f"{D}.attributes.0.attributeValueName", "1kg"),
        {(f"{I0}.attributes[0].attributeValueName", "attribute_unit")},
    ),
    (
        "number without unit",
        setter(f"{D}.attributes.1.attributeValueName", "200"),
        {(f"{I0}.attributes[1].attributeValueName", "attribute_unit")},
    ),
    (
        "number given as a number",
        setter(f"{D}.attributes.1.attributeValueName", 200),
        {(f"{I0}.attributes[1].attributeValueName", "attribute_unit")},
    ),
    (
        "four purchase options",
        both(
            append(f"{D}.attributes", {"attributeTypeName": "향", "attributeValueName": "솝베리"}),
            append(
                f"{D}.attributes", {"attributeTypeName": "패키지", "attributeValueName": "리필"}
            ),
        ),
        {(f"{I0}.attributes", "purchase_options_max")},
    ),
    (
        "free-text search attribute",
        append(
            f"{D}.attributes",
            {"attributeTypeName": "방수", "attributeValueName": "Y", "exposed": "NONE"},
        ),
        {(f"{I0}.attributes[3].attributeTypeName", "attribute_unknown")},
    ),
    (
        "attribute twice",
        append(f"{D}.attributes", {"attributeTypeName": "수량", "attributeValueName": "1개"}),
        {(f"{I0}.attributes[3].attributeTypeName", "attribute_duplicate")},
    ),
    (
        "exposed flag",
        setter(f"{D}.attributes.2.exposed", "MAYBE"),
        {(f"{I0}.attributes[2].exposed", "enum")},
    ),
    (
        "type name missing",
        setter(f"{D}.attributes.2.attributeTypeName", DELETE),
        {(f"{I0}.attributes[2].attributeTypeName", "required")},
    ),
    (
        "value not text",
        setter(f"{D}.attributes.2.attributeValueName", ["x"]),
        {(f"{I0}.attributes[2].attributeValueName", "type")},
    ),
    (
        "attributes not a list",
        setter(f"{D}.attributes", {"수량": "1개"}),
        {(f"{I0}.attributes", "type")},
    ),
    (
        "three purchase options are fine (one free text)",
        append(f"{D}.attributes", {"attributeTypeName": "향", "attributeValueName": "솝베리"}),
        set(),
    ),
]


@pytest.mark.parametrize(
    ("mutate", "expected"), [(m, e) for _, m, e in ATTRIBUTES], ids=[c[0] for c in ATTRIBUTES]
)
def test_attribute_rule(mutate: Mutation, expected: set[tuple[str, str]]) -> None:
    body = single()
    mutate(body)
    assert pairs(create(body)) == expected


def test_ten_detail_images_and_five_used_images() -> None:
    body = product()
    images = body["items"][0]["images"]
    images += [{"imageType": "DETAIL", "vendorPath": f"d{i}.jpg"} for i in range(8)]
    assert pairs(create(body)) == {("items[0].images", "image_detail_max")}
    body = product()
    body["items"][0]["images"] += [
        {"imageType": "USED_PRODUCT", "cdnPath": f"u{i}.jpg"} for i in range(5)
    ]
    assert pairs(create(body)) == {("items[0].images", "image_used_max")}
    body["items"][0]["images"].pop()
    assert create(body) == []


def test_sale_end_compares_in_korean_time() -> None:
    body = product()
    body["saleStartedAt"] = "2024-01-01T00:00:00"
    body["saleEndedAt"] = "2024-05-01T12:00:01"  # NOW is 03:00 UTC = 12:00 KST
    assert create(body) == []
    naive_kst = NOW.replace(tzinfo=None)  # a naive "now" is read as Korean time: 03:00
    body["saleEndedAt"] = "2024-05-01T03:00:01"
    assert (
        rules.check_product_create(body, meta_for=lambda c: META, is_leaf=is_leaf, now=naive_kst)
        == []
    )


def test_remote_area_needs_a_registered_courier() -> None:
    body = product()
    body["remoteAreaDeliverable"] = "Y"
    assert create(body) == []  # the couriers of the place are unknown: not checked
    assert create(body, outbound_couriers=["CJGLS", "HANJIN"]) == []
    assert pairs(create(body, outbound_couriers=["KGB"])) == {
        ("deliveryCompanyCode", "courier_not_registered")
    }


def test_overseas_vendor_lists_as_purchase_agency() -> None:
    body = product()
    assert pairs(create(body, vendor_is_overseas=True)) == {
        ("deliveryMethod", "overseas_vendor_agent_buy")
    }
    body["deliveryMethod"] = "AGENT_BUY"
    assert create(body, vendor_is_overseas=True) == []


def _with_meta(meta: Mapping[str, Any]) -> Callable[[Mapping[str, Any]], set[tuple[str, str]]]:
    def check(body: Mapping[str, Any]) -> set[tuple[str, str]]:
        return pairs(
            rules.check_product_create(
                body, meta_for=lambda code: meta, is_leaf=lambda code: True, now=NOW
            )
        )

    return check


def test_single_item_category_may_skip_attributes() -> None:
    meta = {**META, "isAllowSingleItem": True}
    check = _with_meta(meta)
    body = single()
    body["items"][0]["attributes"] = []
    assert check(body) == set()
    # with several items the exemption does not apply
    body = product()
    for item in body["items"]:
        item["attributes"] = [{"attributeTypeName": "향", "attributeValueName": item["itemName"]}]
    found = check(body)
    assert ("items[0].attributes", "attribute_mandatory_missing") in found


def test_a_category_without_single_items_needs_an_attribute() -> None:
    meta = {**META, "attributes": [{**a, "required": "OPTIONAL"} for a in META["attributes"]]}
    body = single()
    body["items"][0]["attributes"] = []
    assert _with_meta(meta)(body) == {("items[0].attributes", "attributes_required")}


def test_offer_condition_allowed_by_the_category() -> None:
    meta = {**META, "allowedOfferConditions": ["NEW"]}
    body = single()
    body["items"][0]["offerCondition"] = "REFURBISHED"
    assert _with_meta(meta)(body) == {("items[0].offerCondition", "offer_condition_not_allowed")}
    del body["items"][0]["offerCondition"]  # missing means NEW
    assert _with_meta(meta)(body) == set()


def test_mandatory_certification() -> None:
    certs = [
        {**c, "required": "MANDATORY"} if c["dataType"] == "CODE" else c
        for c in META["certifications"]
    ]
    check = _with_meta({**META, "certifications": certs})
    body = single()
    assert check(body) == {("items[0].certifications", "certification_missing")}
    body["items"][0]["certifications"] = [
        {"certificationType": "KC_HOUSEHOLD_CONFIRM", "certificationCode": "CB063R1234-5001"}
    ]
    assert check(body) == set()


def test_mandatory_document() -> None:
    docs = [{"templateName": "기타인증서류", "required": "MANDATORY"}]
    check = _with_meta({**META, "requiredDocumentNames": docs})
    body = single()
    assert check(body) == set()
    body["requiredDocuments"] = []
    assert check(body) == {("requiredDocuments", "required_document_missing")}


def test_category_without_notice_categories_takes_no_notices() -> None:
    check = _with_meta({**META, "noticeCategories": []})
    body = single()
    assert check(body) == {
        (f"items[0].notices[{i}].noticeCategoryName", "notice_category_unknown") for i in range(11)
    }
    body["items"][0]["notices"] = []
    assert check(body) == set()


def test_unknown_category_still_checks_the_rest() -> None:
    body = product()
    body["items"][0]["salePrice"] = 5
    found = pairs(
        rules.check_product_create(body, meta_for=lambda c: None, is_leaf=lambda c: True, now=NOW)
    )
    assert found == {
        ("displayCategoryCode", "category_unknown"),
        ("items[0].salePrice", "price_step"),
    }


def test_malformed_meta_is_read_defensively() -> None:
    meta: dict[str, Any] = {
        "isAllowSingleItem": "yes",
        "attributes": [
            7,
            {"attributeTypeName": ""},
            {"attributeTypeName": "수량", "dataType": "NUMBER", "usableUnits": "개"},
        ],
        "noticeCategories": [
            {"noticeCategoryName": None},
            {"noticeCategoryName": "화장품", "noticeCategoryDetailNames": "x"},
        ],
        "certifications": "none",
        "requiredDocumentNames": [{"templateName": "기타인증서류"}],
        "allowedOfferConditions": "NEW",
    }
    found = _with_meta(meta)(product())
    assert all(isinstance(rule, str) for _, rule in found)


def test_not_an_object() -> None:
    assert pairs(create([])) == {("body", "type")}  # type: ignore[arg-type]
