import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { StaffModule } from '../staff/staff.module';
import { SearchController } from './search.controller';
import { SearchProjector } from './search.projector';
import { SearchQueries } from './search.queries';

/** Search by reference, name, pseudonym or external reference, over a keyed index that erasure empties. */
@Module({
  imports: [AuditModule, StaffModule],
  controllers: [SearchController],
  providers: [SearchProjector, SearchQueries],
})
export class SearchModule {}
