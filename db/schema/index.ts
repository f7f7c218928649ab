export * from './enums';
export * from './structures';
export * from './accounts';
export * from './families';
export * from './calendar';
export * from './bookings';
export * from './messaging';
export * from './rush';
