"""Models of the shipping-place group: outbound shipping places (출고지) and return centers (반품지)."""

from __future__ import annotations

from typing import Final

from pydantic import AliasChoices, ConfigDict, Field

from coupang_seller.types._base import CoupangModel

#: Known ``addressType`` values: lot-number address, road-name address, overseas.
ADDRESS_TYPES: Final = ("JIBUN", "ROADNAME", "OVERSEA")


class PlaceAddress(CoupangModel):
    """One address of a place. A ROADNAME address must come with a JIBUN one."""

    addressType: str = "JIBUN"
    countryCode: str | None = "KR"
    companyContactNumber: str
    phoneNumber2: str | None = None
    returnZipCode: str
    returnAddress: str
    returnAddressDetail: str | None = None

    # Some answers carry postcodes and phone numbers as numbers; read them as text.
    model_config = ConfigDict(coerce_numbers_to_str=True)


class RemoteInfo(CoupangModel):
    """Remote-area surcharge of one courier at an outbound place (won)."""

    remoteInfoId: int | None = None
    deliveryCode: str
    jeju: int = Field(validation_alias=AliasChoices("jeju", "jejuFee"))
    notJeju: int = Field(validation_alias=AliasChoices("notJeju", "notJejuFee"))
    usable: bool | None = None


class OutboundShippingPlace(CoupangModel):
    """An outbound shipping place (출고지) with its addresses and remote-area fees."""

    outboundShippingPlaceCode: int
    shippingPlaceName: str
    placeAddresses: list[PlaceAddress] = []
    remoteInfos: list[RemoteInfo] = []
    createDate: str | None = None
    usable: bool = True
    global_: bool | None = Field(default=None, alias="global")

    @property
    def courier_codes(self) -> list[str]:
        """Couriers registered (and usable) at this place."""
        return [r.deliveryCode for r in self.remoteInfos if r.usable is not False]


class ReturnFees(CoupangModel):
    """Pick-up contract fees per weight band (won); every one must be greater than 0."""

    vendorCreditFee05kg: int
    vendorCashFee05kg: int
    consumerCashFee05kg: int
    returnFee05kg: int
    vendorCreditFee10kg: int
    vendorCashFee10kg: int
    consumerCashFee10kg: int
    returnFee10kg: int
    vendorCreditFee20kg: int
    vendorCashFee20kg: int
    consumerCashFee20kg: int
    returnFee20kg: int

    @classmethod
    def flat(cls, amount: int) -> ReturnFees:
        """The same fee for every band and payer, the common case."""
        return cls(**{name: amount for name in cls.model_fields})


class ReturnCenter(CoupangModel):
    """A return center (반품지) with its courier, addresses and return fees."""

    vendorId: str | None = None
    returnCenterCode: str
    shippingPlaceName: str
    deliverCode: str | None = None
    deliverName: str | None = None
    goodsflowStatus: str | None = None
    errorMessage: str | None = None
    createdAt: int | None = Field(
        default=None, validation_alias=AliasChoices("createdAt", "createAt")
    )
    vendorCreditFee05kg: int | None = None
    vendorCashFee05kg: int | None = None
    consumerCashFee05kg: int | None = None
    returnFee05kg: int | None = None
    vendorCreditFee10kg: int | None = None
    vendorCashFee10kg: int | None = None
    consumerCashFee10kg: int | None = None
    returnFee10kg: int | None = None
    vendorCreditFee20kg: int | None = None
    vendorCashFee20kg: int | None = None
    consumerCashFee20kg: int | None = None
    returnFee20kg: int | None = None
    usable: bool = True
    placeAddresses: list[PlaceAddress] = []

    model_config = ConfigDict(coerce_numbers_to_str=True)
